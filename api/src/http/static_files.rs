//! The dashboard (a single-page app: unknown paths get index.html) and the offline Swagger UI at /docs.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::{HttpResponse, web};

const DOCS_HTML: &str = include_str!("../../static/docs.html");
const NOT_BUILT_HTML: &str = include_str!("../../static/not-built.html");

/// Registers `/docs` and the dashboard at `/`; call last, after the API routes.
pub fn configure(cfg: &mut web::ServiceConfig, web_dir: &str, docs_dir: &str) {
    cfg.route("/docs", web::get().to(|| async { HttpResponse::Ok().content_type("text/html; charset=utf-8").body(DOCS_HTML) }));
    if Path::new(docs_dir).is_dir() {
        cfg.service(Files::new("/docs/assets", docs_dir));
    }
    let index = PathBuf::from(web_dir).join("index.html");
    if index.is_file() {
        cfg.service(Files::new("/", web_dir).index_file("index.html").default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                let file = NamedFile::open_async(index).await?;
                Ok(ServiceResponse::new(req.clone(), file.into_response(&req)))
            }
        })));
    } else {
        cfg.default_service(web::to(|| async {
            HttpResponse::ServiceUnavailable().content_type("text/html; charset=utf-8").body(NOT_BUILT_HTML)
        }));
    }
}
