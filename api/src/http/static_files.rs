//! The dashboard (a single-page app: unknown paths get index.html) and the offline Swagger UI at /docs.
//!
//! `web/build.sh` writes content-hashed file names (`web-<hash>.js`, `web_bg-<hash>.wasm`,
//! `style-<hash>.css`) and, beside every file, `<file>.br` and `<file>.gz` compressed at build time.
//! Here a request gets the best variant its `Accept-Encoding` allows (brotli, then gzip, then the plain
//! file) with `Vary: Accept-Encoding`, so no file of the dashboard is compressed per request. Hashed
//! files never change under their name: `Cache-Control: public, max-age=31536000, immutable`;
//! `index.html` (also the answer for every client route) is `no-cache`, so a new build is seen at once.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::http::header::{self, ContentEncoding, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};

const DOCS_HTML: &str = include_str!("../../static/docs.html");
const NOT_BUILT_HTML: &str = include_str!("../../static/not-built.html");

/// For files whose name carries their content hash.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For `index.html` and other unhashed files: revalidate every time.
pub const NO_CACHE: &str = "no-cache";

/// Registers `/docs` and the dashboard at `/`; call last, after the API routes.
pub fn configure(cfg: &mut web::ServiceConfig, web_dir: &str, docs_dir: &str) {
    cfg.route("/docs", web::get().to(|| async { HttpResponse::Ok().content_type("text/html; charset=utf-8").body(DOCS_HTML) }));
    if Path::new(docs_dir).is_dir() {
        cfg.service(Files::new("/docs/assets", docs_dir));
    }
    let dir = WebDir(PathBuf::from(web_dir));
    if dir.0.join("index.html").is_file() {
        cfg.app_data(web::Data::new(dir)).default_service(web::to(serve));
    } else {
        cfg.default_service(web::to(|| async {
            HttpResponse::ServiceUnavailable().content_type("text/html; charset=utf-8").body(NOT_BUILT_HTML)
        }));
    }
}

/// The built dashboard's folder.
struct WebDir(PathBuf);

async fn serve(req: HttpRequest, dir: web::Data<WebDir>) -> Result<HttpResponse, actix_web::Error> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Ok(HttpResponse::MethodNotAllowed().insert_header((header::ALLOW, "GET, HEAD")).finish());
    }
    let name = match file_name(req.path()) {
        Some(name) if dir.0.join(&name).is_file() => name,
        // A missing asset is a 404; any other path is a client route, answered by the app itself.
        Some(name) if is_asset(&name) => return Ok(HttpResponse::NotFound().finish()),
        _ => "index.html".to_owned(),
    };
    let cache = if is_hashed(&name) { IMMUTABLE } else { NO_CACHE };
    let path = dir.0.join(&name);
    let (variant, encoding) = negotiate(&req, &path);
    let content_type = content_type(&name);
    let file = NamedFile::open_async(&variant).await?.set_content_type(content_type).disable_content_disposition();
    let file = match encoding {
        Some(encoding) => file.set_content_encoding(encoding),
        None => file,
    };
    let mut res = file.into_response(&req);
    let ok = res.status() == StatusCode::OK;
    let headers = res.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if encoding.is_none() && ok && has_precompressed(&path) {
        // The client takes neither brotli nor gzip of a file we keep compressed: send it as it is,
        // and tell the compression middleware to leave it alone.
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("identity"));
    }
    Ok(res)
}

/// The file a URL path names inside the web folder, when it is a plain relative name: segments of
/// ASCII letters, digits, `.`, `_` and `-`, none starting with a dot. Anything else is not a file of ours.
fn file_name(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    if rest.is_empty() {
        return None;
    }
    let ok = rest.split('/').all(|segment| {
        !segment.is_empty()
            && !segment.starts_with('.')
            && segment.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    });
    ok.then(|| rest.to_owned())
}

/// Extensions of the files a build writes; a request for a missing one is a 404, not the app.
fn is_asset(name: &str) -> bool {
    matches!(extension(name), "js" | "mjs" | "wasm" | "css" | "map" | "br" | "gz" | "png" | "svg" | "ico" | "woff2" | "json")
}

fn extension(name: &str) -> &str {
    name.rsplit_once('.').map_or("", |(_, ext)| ext)
}

/// A file named `stem-<hash>.ext`, or any file inside a folder named `stem-<hash>`, with a hash of at
/// least 8 lowercase hex digits: `web/build.sh` names files and whole bundle folders (a bundle's glue,
/// chunks and loader refer to each other by name) by their content.
pub fn is_hashed(name: &str) -> bool {
    let mut segments = name.split('/').peekable();
    while let Some(segment) = segments.next() {
        let stem = match segments.peek() {
            Some(_) => segment,
            None => match segment.split_once('.') {
                Some((stem, _ext)) => stem,
                None => return false,
            },
        };
        let hashed = stem
            .rsplit_once('-')
            .is_some_and(|(_, hash)| hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        if hashed {
            return true;
        }
    }
    false
}

fn content_type(name: &str) -> mime::Mime {
    let text = |t: &str| t.parse::<mime::Mime>().unwrap_or(mime::APPLICATION_OCTET_STREAM);
    match extension(name) {
        "html" => mime::TEXT_HTML_UTF_8,
        "js" | "mjs" => text("text/javascript; charset=utf-8"),
        "css" => mime::TEXT_CSS_UTF_8,
        "wasm" => text("application/wasm"),
        "json" | "map" => mime::APPLICATION_JSON,
        "svg" => mime::IMAGE_SVG,
        "png" => mime::IMAGE_PNG,
        "ico" => text("image/x-icon"),
        "woff2" => text("font/woff2"),
        "txt" => mime::TEXT_PLAIN_UTF_8,
        _ => mime::APPLICATION_OCTET_STREAM,
    }
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn has_precompressed(path: &Path) -> bool {
    sibling(path, ".br").is_file() || sibling(path, ".gz").is_file()
}

/// The variant to send: `<file>.br` when the client takes brotli, else `<file>.gz` when it takes gzip,
/// else the file itself; each only when it exists.
fn negotiate(req: &HttpRequest, path: &Path) -> (PathBuf, Option<ContentEncoding>) {
    let accepted = req.headers().get_all(header::ACCEPT_ENCODING).filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join(",");
    for (coding, suffix, encoding) in [("br", ".br", ContentEncoding::Brotli), ("gzip", ".gz", ContentEncoding::Gzip)] {
        if accepts(&accepted, coding) {
            let variant = sibling(path, suffix);
            if variant.is_file() {
                return (variant, Some(encoding));
            }
        }
    }
    (path.to_path_buf(), None)
}

/// Whether an `Accept-Encoding` value takes `coding` (by name or `*`) with a non-zero q-value.
pub fn accepts(header: &str, coding: &str) -> bool {
    let mut named = None;
    let mut star = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(coding) {
            named = Some(q);
        } else if name == "*" {
            star = Some(q);
        }
    }
    named.or(star).is_some_and(|q| q > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_is_read_with_q_values() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip, deflate, br, zstd", "gzip"));
        assert!(!accepts("gzip", "br"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(accepts("*", "br"));
        assert!(!accepts("*;q=0", "gzip"));
        assert!(!accepts("", "gzip"));
        assert!(accepts("BR;q=0.5", "br"));
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("web-0123456789abcdef.js"));
        assert!(is_hashed("web_bg-0123456789abcdef.wasm"));
        assert!(is_hashed("style-deadbeef.css"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("web.js"));
        assert!(!is_hashed("web-bg.js"));
        assert!(!is_hashed("web-ABCDEF0123.js"));
        assert!(is_hashed("resident-0123456789abcdef/resident_bg.wasm"));
        assert!(is_hashed("web-0123456789abcdef/snippets/x/inline0.js"));
        assert!(!is_hashed("web/web.js"));
        assert!(!is_hashed("web-0123456789abcdef"));
    }

    #[test]
    fn only_plain_relative_names_are_files() {
        assert_eq!(file_name("/web-abc.js").as_deref(), Some("web-abc.js"));
        assert_eq!(file_name("/snippets/x/inline0.js").as_deref(), Some("snippets/x/inline0.js"));
        assert_eq!(file_name("/"), None);
        assert_eq!(file_name("/../secret"), None);
        assert_eq!(file_name("/.env"), None);
        assert_eq!(file_name("/a//b"), None);
        assert_eq!(file_name("/%2e%2e/x"), None);
    }
}
