//! The sign-in bundle: `/login` alone. `index.html` starts it there; signing in loads the bundle of
//! the page the user lands on ([`web::login_app`]).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(web::login_app::LoginApp);
}
