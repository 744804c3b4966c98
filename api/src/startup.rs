//! Building the HTTP server: the app used by `main`, the tests and the spec dump.

use shared::FieldRule;
use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, DefaultHeaders, from_fn};
use actix_web::{App, HttpResponse, HttpServer, web};
use sea_orm::DatabaseConnection;
use utoipa_actix_web::AppExt;

use crate::config::Settings;
use crate::error::ApiError;
use crate::http::methods::{self, AllowedMethods};
use crate::http::validators::Validators;
use crate::http::{client_usage, metrics, request_id, static_files};
use crate::openapi;
use crate::state::AppState;

pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
}

impl Application {
    /// Binds the listener (port 0 picks a free port) and builds the server; call `run` to serve.
    pub fn build(settings: Settings, db: DatabaseConnection) -> anyhow::Result<Self> {
        let listener = TcpListener::bind((settings.server.host.as_str(), settings.server.port))?;
        let port = listener.local_addr()?.port();
        let state = AppState::new(db, settings);
        let sweep_every = state.settings.needs.sweep_interval_secs;
        if sweep_every > 0 {
            crate::services::needs::spawn_sweeper(state.clone(), std::time::Duration::from_secs(sweep_every));
        }
        let shop_sweep_every = state.settings.shop.sweep_interval_secs;
        if shop_sweep_every > 0 {
            crate::services::shop::spawn_sweeper(state.clone(), std::time::Duration::from_secs(shop_sweep_every));
            // Offers of hours expire by the day like orders do: the same pace, and off together in tests.
            crate::services::ledger::gift_expiry::spawn_sweeper(state.clone(), std::time::Duration::from_secs(shop_sweep_every));
        }
        crate::services::webhooks::spawn_worker(state.clone());
        let data = web::Data::new(state.clone());
        // Built once here from the document, so the extractors and the 405 middleware follow the spec
        // without importing the module that builds it.
        let validators = web::Data::new(Validators::from_document(openapi::spec()));
        let allowed_methods = web::Data::new(AllowedMethods::from_document(openapi::spec()));
        let server = HttpServer::new(move || {
            let settings = &data.settings.server;
            let (web_dir, docs_dir) = (settings.web_dir.clone(), settings.docs_dir.clone());
            let app = App::new()
                .app_data(data.clone())
                .app_data(validators.clone())
                .app_data(allowed_methods.clone())
                .app_data(
                    web::QueryConfig::default()
                        .error_handler(|err, _| ApiError::field("query", FieldRule::Invalid, err.to_string()).into()),
                )
                .app_data(web::PathConfig::default().error_handler(|_, _| ApiError::NotFound("resource").into()))
                .wrap(Compress::default())
                // `no-cache` = revalidate: a new dashboard build is picked up at once, and API answers
                // (personal data) are never served stale from a cache.
                .wrap(DefaultHeaders::new().add(("X-Content-Type-Options", "nosniff")).add(("Cache-Control", "no-cache")))
                .wrap(from_fn(methods::middleware))
                .wrap(from_fn(client_usage::middleware))
                .wrap(from_fn(metrics::middleware))
                .wrap(from_fn(request_id::middleware))
                .into_utoipa_app();
            openapi::register(app)
                .into_app()
                .route(
                    "/api/openapi.json",
                    web::get().to(|| async { HttpResponse::Ok().content_type("application/json").body(openapi::spec_json()) }),
                )
                .service(web::scope("/api").default_service(web::to(crate::error::endpoint_not_found)))
                .configure(|cfg| static_files::configure(cfg, &web_dir, &docs_dir))
        })
        .listen(listener)?
        .run();
        Ok(Self { port, server, state })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub async fn run(self) -> std::io::Result<()> {
        self.server.await
    }
}
