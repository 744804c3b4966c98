//! The resident's bundle: sign-in, the phone pages under `/m` and the public pages, about a fifth of
//! the whole dashboard. `index.html` starts it on `/login`, `/m…` and `/public…`; any other page
//! loads the whole dashboard afresh ([`web::resident_app`]).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(web::resident_app::ResidentApp);
}
