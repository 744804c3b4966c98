//! The whole dashboard: staff pages, and the resident's and public pages for a signed-in worker who
//! moves between them without a reload. `index.html` starts it on every path but `/login`, `/m…` and
//! `/public…`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(web::app::App);
}
