//! The signed-in user (`/me`) shared through context, and the helpers that load and drop it.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::{Id, Me, Permissions, Role};

use crate::common::api::{self, ApiError};

/// Who is signed in; `None` until `/me` has answered (or after logout).
#[derive(Debug, Clone, Copy)]
pub struct Session {
    pub me: RwSignal<Option<Me>>,
    /// The last failure of loading `/me`, shown by the shell with a retry button.
    pub error: RwSignal<Option<ApiError>>,
}

impl Session {
    /// The permissions of the signed-in user (all false when signed out). Tracked.
    pub fn permissions(&self) -> Permissions {
        self.me.with(|me| me.as_ref().map(|m| m.permissions.clone()).unwrap_or_default())
    }

    /// The signed-in user's role, `None` until `/me` has answered. Tracked.
    pub fn role(&self) -> Option<Role> {
        self.me.with(|me| me.as_ref().map(|m| m.user.role))
    }

    /// The signed-in user's id (0 when signed out). Tracked.
    pub fn user_id(&self) -> Id {
        self.me.with(|me| me.as_ref().map_or(0, |m| m.user.id))
    }

    /// The area views start from: the home area, or `None` (every root) for those who see the whole
    /// platform — a platform admin is homed in one province but answers for all of them.
    pub fn default_area(&self) -> Option<(Id, String)> {
        self.me.with_untracked(|me| me.as_ref().filter(|m| !m.permissions.whole_platform).map(|m| (m.area.id, m.area.name.clone())))
    }

    /// Whether the signed-in user sees the whole platform. Tracked.
    pub fn whole_platform(&self) -> bool {
        self.permissions().whole_platform
    }

    /// Asks `/me` again and stores the answer.
    pub async fn reload(self) {
        match api::me().await {
            Ok(me) => {
                self.error.set(None);
                self.me.set(Some(me));
            }
            Err(e) => self.error.set(Some(e)),
        }
    }
}

/// Creates the session and puts it into context.
pub fn provide_session() -> Session {
    let session = Session { me: RwSignal::new(None), error: RwSignal::new(None) };
    provide_context(session);
    session
}

/// The session provided by the app root.
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_else(provide_session)
}

/// Renders nothing; inside the router it wires the API client's "session gone" signal to /login.
#[component]
pub fn SessionGuard() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    api::on_unauthenticated(move || {
        session.me.set(None);
        navigate(&login_url(), NavigateOptions { replace: true, ..Default::default() });
    });
}

/// `/login?next=<where the user is now>`, so signing in again returns them there.
pub fn login_url() -> String {
    let here = web_sys::window()
        .and_then(|w| w.location().pathname().ok().zip(w.location().search().ok()))
        .map(|(path, search)| format!("{path}{search}"))
        .unwrap_or_default();
    if here.is_empty() || here == "/" || here.starts_with("/login") {
        "/login".to_owned()
    } else {
        format!("/login?next={}", String::from(js_sys::encode_uri_component(&here)))
    }
}

/// Where to go after signing in: the `next` the shell sent us with, if it is a local path, else the
/// role's home page.
pub fn after_login(next: Option<String>, role: Option<Role>) -> String {
    match next {
        // "//host" would leave the site.
        Some(next) if next.starts_with('/') && !next.starts_with("//") => next,
        _ => home_page(role).to_owned(),
    }
}

/// The landing page of a role: residents get the phone view, those who work or serve needs their
/// workbench (工作台), everyone else (the platform admin, merchants) the area tree.
pub fn home_page(role: Option<Role>) -> &'static str {
    match role {
        Some(Role::Resident) => "/m",
        Some(Role::Provider | Role::Volunteer | Role::GridWorker | Role::CommunityStaff | Role::StreetStaff | Role::DistrictAdmin) => {
            "/workbench"
        }
        // A merchant's work is handing over the orders of their items.
        Some(Role::Merchant) => "/shop/orders",
        _ => "/areas",
    }
}

/// Staff work the needs queue (区县、街道、社区工作者、网格员 and the platform admin).
pub fn is_staff(role: Option<Role>) -> bool {
    matches!(role, Some(Role::PlatformAdmin | Role::DistrictAdmin | Role::StreetStaff | Role::CommunityStaff | Role::GridWorker))
}

/// Sends a visitor without tokens to /login, and loads `/me` when it is not known yet.
pub fn require_session(session: Session, navigate: impl Fn(&str, NavigateOptions)) {
    if !api::has_tokens() {
        navigate(&login_url(), NavigateOptions { replace: true, ..Default::default() });
    } else if session.me.get_untracked().is_none() {
        leptos::task::spawn_local(session.reload());
    }
}

/// Signs out on the server and locally, then shows the login page.
pub fn sign_out(session: Session, navigate: impl Fn(&str, NavigateOptions) + 'static) {
    leptos::task::spawn_local(async move {
        api::logout().await;
        session.me.set(None);
        navigate("/login", NavigateOptions::default());
    });
}
