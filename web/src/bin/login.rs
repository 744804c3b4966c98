//! The sign-in bundle: `/login` alone. `index.html` starts it there; signing in loads the bundle of
//! the page the user lands on ([`web::login_app`]).

fn main() {
    web::start(web::login_app::LoginApp);
}
