//! The resident's bundle: the phone pages under `/m` and the public pages, less than half the whole
//! dashboard. `index.html` starts it on `/m…` and `/public…`; a page it has no route for loads
//! afresh in the bundle that owns it ([`web::resident_app`]).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(web::resident_app::ResidentApp);
}
