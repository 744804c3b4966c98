//! The built dashboard as the server sends it: hashed files cached for a year, index.html (and every
//! client route) revalidated, and the brotli / gzip files made at build time picked by
//! `Accept-Encoding` — over a temporary web folder of fake files, so no dashboard build is needed.

use reqwest::{Response, StatusCode};

use crate::helpers::{TestApp, spawn_with};

const JS: &str = "web-0123456789abcdef.js";
const WASM: &str = "web_bg-fedcba9876543210.wasm";
const CSS: &str = "style-00112233aabbccdd.css";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A web folder with index.html, three hashed files, and `.br`/`.gz` siblings whose bytes say which
/// one was sent (the server never looks inside them).
async fn app_with_web_dir() -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, body: &str| std::fs::write(dir.path().join(name), body).expect("write fake file");
    write("index.html", &format!("<!doctype html><script type=module src=/{JS}></script>"));
    write(JS, "export default function init() {}");
    write(WASM, "\0asm fake");
    write(CSS, "body { margin: 0 }");
    for name in ["index.html", JS, WASM, CSS] {
        write(&format!("{name}.br"), &format!("brotli of {name}"));
        write(&format!("{name}.gz"), &format!("gzip of {name}"));
    }
    let path = dir.path().display().to_string();
    let app = spawn_with(move |s| s.server.web_dir = path).await;
    (app, dir)
}

async fn get(app: &TestApp, path: &str, accept_encoding: Option<&str>) -> Response {
    let mut req = app.client.get(app.url(path));
    if let Some(value) = accept_encoding {
        req = req.header("accept-encoding", value);
    }
    req.send().await.expect("request")
}

fn header<'a>(res: &'a Response, name: &str) -> Option<&'a str> {
    res.headers().get(name).map(|v| v.to_str().expect("ascii header"))
}

/// Status, `Content-Encoding` (None for none or identity) and body of a response.
async fn sent(res: Response) -> (StatusCode, Option<String>, String) {
    let encoding = header(&res, "content-encoding").filter(|e| *e != "identity").map(str::to_owned);
    (res.status(), encoding, res.text().await.expect("body"))
}

#[tokio::test]
async fn hashed_files_are_cached_for_a_year_with_their_type() {
    let (app, _dir) = app_with_web_dir().await;
    for (name, content_type) in [(JS, "text/javascript; charset=utf-8"), (WASM, "application/wasm"), (CSS, "text/css; charset=utf-8")] {
        let res = get(&app, &format!("/{name}"), Some("gzip, deflate, br")).await;
        assert_eq!(res.status(), StatusCode::OK, "{name}");
        assert_eq!(header(&res, "cache-control"), Some(IMMUTABLE), "{name}");
        assert_eq!(header(&res, "content-type"), Some(content_type), "{name}");
        assert_eq!(header(&res, "vary"), Some("Accept-Encoding"), "{name}");
        assert_eq!(header(&res, "content-encoding"), Some("br"), "{name}");
        assert_eq!(res.text().await.expect("body"), format!("brotli of {name}"));
    }
}

#[tokio::test]
async fn the_precompressed_variant_follows_accept_encoding() {
    let (app, _dir) = app_with_web_dir().await;
    let path = format!("/{WASM}");
    let cases: [(Option<&str>, Option<&str>, String); 7] = [
        (Some("br"), Some("br"), format!("brotli of {WASM}")),
        (Some("gzip, deflate, br, zstd"), Some("br"), format!("brotli of {WASM}")),
        (Some("gzip"), Some("gzip"), format!("gzip of {WASM}")),
        (Some("br;q=0, gzip;q=0.8"), Some("gzip"), format!("gzip of {WASM}")),
        (Some("*"), Some("br"), format!("brotli of {WASM}")),
        (Some("identity"), None, "\0asm fake".to_owned()),
        (None, None, "\0asm fake".to_owned()),
    ];
    for (accept, encoding, body) in cases {
        let res = get(&app, &path, accept).await;
        assert_eq!(header(&res, "vary"), Some("Accept-Encoding"), "{accept:?}");
        assert_eq!(header(&res, "content-type"), Some("application/wasm"), "{accept:?}");
        assert_eq!(sent(res).await, (StatusCode::OK, encoding.map(str::to_owned), body), "Accept-Encoding: {accept:?}");
    }
}

#[tokio::test]
async fn index_html_and_client_routes_revalidate_and_are_negotiated_too() {
    let (app, _dir) = app_with_web_dir().await;
    for path in ["/", "/index.html", "/login", "/m/needs", "/needs/12"] {
        let res = get(&app, path, Some("gzip, br")).await;
        assert_eq!(header(&res, "cache-control"), Some("no-cache"), "{path}");
        assert_eq!(header(&res, "content-type"), Some("text/html; charset=utf-8"), "{path}");
        assert_eq!(header(&res, "vary"), Some("Accept-Encoding"), "{path}");
        assert_eq!(sent(res).await, (StatusCode::OK, Some("br".to_owned()), "brotli of index.html".to_owned()), "{path}");
    }
    let res = get(&app, "/m/needs", None).await;
    assert_eq!(header(&res, "cache-control"), Some("no-cache"));
    let (status, encoding, body) = sent(res).await;
    assert_eq!((status, encoding), (StatusCode::OK, None));
    assert!(body.contains(JS), "{body}");
}

#[tokio::test]
async fn a_missing_asset_is_404_not_the_app() {
    let (app, _dir) = app_with_web_dir().await;
    for path in ["/web-00000000deadbeef.js", "/web_bg-1111111111111111.wasm", "/style.css"] {
        let res = get(&app, path, Some("gzip, br")).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    for path in ["/../Cargo.toml", "/.secret", "/%2e%2e/index.html"] {
        let (status, _, body) = sent(get(&app, path, None).await).await;
        assert!(status == StatusCode::NOT_FOUND || body.contains(JS), "{path}: {status} {body}");
    }
}

#[tokio::test]
async fn a_cached_file_revalidates_with_its_etag() {
    let (app, _dir) = app_with_web_dir().await;
    let res = get(&app, "/", Some("br")).await;
    let etag = header(&res, "etag").expect("an ETag").to_owned();
    let res = app.client.get(app.url("/")).header("accept-encoding", "br").header("if-none-match", &etag).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
    // The gzip file is another representation: its tag differs, so a cache never mixes them up.
    let gz = get(&app, "/", Some("gzip")).await;
    assert_ne!(header(&gz, "etag"), Some(etag.as_str()));
}

#[tokio::test]
async fn the_api_is_still_not_cached_and_not_the_app() {
    let (app, _dir) = app_with_web_dir().await;
    let res = get(&app, "/healthz", Some("gzip, br")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "cache-control"), Some("no-cache"));
    let res = get(&app, "/api/v1/no-such-thing", Some("gzip, br")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_ne!(header(&res, "content-type"), Some("text/html; charset=utf-8"));
}
