//! `happyhome`: the server binary. Thin: parse the command line, load settings, start telemetry, act.

use anyhow::Context;
use api::config::{Environment, Settings};
use api::domain::password::Hasher;
use api::domain::scope::Scope;
use api::{db, demo, openapi, services, startup::Application, telemetry};
use clap::{Parser, Subcommand};
use secrecy::ExposeSecret;
use shared::{NewUser, Role};

#[derive(Parser)]
#[command(name = "happyhome", version, about = "幸福家园 co-building platform server")]
struct Cli {
    /// Optional TOML settings file (layered between built-in defaults and APP_… environment variables).
    #[arg(long, global = true, env = "APP_CONFIG_FILE")]
    config: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the dashboard (the default).
    Serve {
        /// Apply pending migrations first.
        #[arg(long)]
        migrate: bool,
        /// Demo mode: load the demo data and enable the demo accounts. Without it they are disabled.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending migrations and exit.
    Migrate,
    /// Load the demo areas and accounts (idempotent) and exit.
    SeedDemo,
    /// Create a user from the command line (e.g. the first platform admin).
    CreateUser {
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        /// platform_admin, district_admin, street_staff, community_staff, grid_worker, provider, volunteer, resident, integration
        #[arg(long)]
        role: String,
        /// Id of the home area.
        #[arg(long)]
        area_id: i64,
        /// The password; read from the environment so it stays out of shell history.
        #[arg(long, env = "APP_NEW_USER_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// Print the OpenAPI document.
    Openapi,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve { migrate: false, demo: false });
    if let Command::Openapi = command {
        print!("{}", openapi::spec_json());
        return Ok(());
    }
    let settings = Settings::load(cli.config.as_deref())?;
    telemetry::init(settings.environment);
    let conn = db::connect(&settings.database).await.context("connecting to the database")?;
    let hasher = Hasher { memory_kib: settings.auth.argon2_memory_kib, iterations: settings.auth.argon2_iterations };
    match command {
        Command::Migrate => {
            db::migrate(&conn).await?;
            tracing::info!("migrations applied");
        }
        Command::SeedDemo => seed_demo(&conn, &settings, hasher).await?,
        Command::CreateUser { username, display_name, role, area_id, password } => {
            let role = Role::parse(&role).with_context(|| format!("unknown role {role}"))?;
            let new = NewUser { username, display_name, role, area_id, password, provider_id: None };
            let user = services::users::create(&conn, None, &Scope::everything(), hasher, &new, false, None)
                .await
                .map_err(|e| anyhow::anyhow!("{e}: {e:?}"))?;
            println!("created user {} (id {})", user.username, user.id);
        }
        Command::Serve { migrate, demo } => {
            if migrate {
                db::migrate(&conn).await?;
            }
            if demo {
                anyhow::ensure!(settings.environment != Environment::Production, "demo mode is refused in production");
                seed_demo(&conn, &settings, hasher).await?;
                demo::enable_demo_users(&conn).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            } else {
                let n = demo::disable_demo_users(&conn).await.map_err(|e| anyhow::anyhow!("{e}"))?;
                if n > 0 {
                    tracing::warn!(disabled = n, "demo accounts disabled (start with --demo to use them)");
                }
            }
            let interrupted =
                services::matching::plans::fail_interrupted(&conn, chrono::Utc::now()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            if interrupted > 0 {
                tracing::warn!(plans = interrupted, "matching plans interrupted by the last stop marked failed");
            }
            let app = Application::build(settings, conn)?;
            tracing::info!(port = app.port(), "serving on http://{}:{}/", app.state().settings.server.host, app.port());
            app.run().await?;
        }
        Command::Openapi => {}
    }
    Ok(())
}

async fn seed_demo(conn: &sea_orm::DatabaseConnection, settings: &Settings, hasher: Hasher) -> anyhow::Result<()> {
    use sea_orm::TransactionTrait;
    let txn = conn.begin().await?;
    let seeded = demo::seed(&txn, hasher, settings.demo.password.expose_secret())
        .await
        .map_err(|e| anyhow::anyhow!("seeding demo data: {e}: {e:?}"))?;
    let needs = demo::needs::seed(&txn, chrono::Utc::now()).await.map_err(|e| anyhow::anyhow!("seeding demo needs: {e}: {e:?}"))?;
    let programs =
        demo::programs::seed(&txn, chrono::Utc::now()).await.map_err(|e| anyhow::anyhow!("seeding demo programs: {e}: {e:?}"))?;
    let resources =
        demo::resources::seed(&txn, chrono::Utc::now()).await.map_err(|e| anyhow::anyhow!("seeding demo resources: {e}: {e:?}"))?;
    let kpis = demo::kpis::seed(&txn, chrono::Utc::now()).await.map_err(|e| anyhow::anyhow!("seeding demo KPIs: {e}: {e:?}"))?;
    let topics = demo::topics::seed(&txn, chrono::Utc::now()).await.map_err(|e| anyhow::anyhow!("seeding demo topics: {e}: {e:?}"))?;
    let surveys = demo::surveys::seed(&txn, chrono::Utc::now()).await.map_err(|e| anyhow::anyhow!("seeding demo surveys: {e}: {e:?}"))?;
    let clients = demo::clients::seed(&txn, settings.demo.client_secret.expose_secret(), chrono::Utc::now())
        .await
        .map_err(|e| anyhow::anyhow!("seeding the demo client: {e}: {e:?}"))?;
    let shop = demo::shop::seed(&txn, chrono::Utc::now()).await.map_err(|e| anyhow::anyhow!("seeding the demo shop: {e}: {e:?}"))?;
    let activities =
        demo::activities::seed(&txn, chrono::Utc::now()).await.map_err(|e| anyhow::anyhow!("seeding demo activities: {e}: {e:?}"))?;
    txn.commit().await?;
    tracing::info!(
        areas = seeded.areas,
        users = seeded.users,
        needs,
        programs,
        resources,
        kpis,
        topics,
        surveys,
        clients,
        shop,
        activities,
        "demo data loaded"
    );
    Ok(())
}
