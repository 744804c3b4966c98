//! 405 Method Not Allowed (with `Allow`) for a known path called with a method it does not have.
//! The table comes from the OpenAPI document, so it always matches the routes.

use std::sync::OnceLock;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use crate::error::ApiError;
use crate::openapi;

/// A path template split into segments (`None` for a `{param}`), with its methods.
type Route = (Vec<Option<String>>, Vec<String>);

fn routes() -> &'static Vec<Route> {
    static ROUTES: OnceLock<Vec<Route>> = OnceLock::new();
    ROUTES.get_or_init(|| {
        let doc = serde_json::to_value(openapi::spec()).unwrap_or_default();
        let Some(paths) = doc.get("paths").and_then(|p| p.as_object()) else { return Vec::new() };
        paths
            .iter()
            .map(|(template, item)| {
                let segments = template.split('/').map(|s| (!s.starts_with('{')).then(|| s.to_owned())).collect();
                let mut methods: Vec<String> = item.as_object().map(|o| o.keys().map(|m| m.to_uppercase()).collect()).unwrap_or_default();
                if methods.iter().any(|m| m == "GET") {
                    methods.push("HEAD".into());
                }
                (segments, methods)
            })
            .collect()
    })
}

/// The methods of the route whose template matches `path`, if any. Literal segments win over
/// parameters, as in the router (`/areas/roots` before `/areas/{id}`).
fn allowed(path: &str) -> Option<&'static [String]> {
    let parts: Vec<&str> = path.split('/').collect();
    let matches = |segments: &Vec<Option<String>>| {
        segments.len() == parts.len() && segments.iter().zip(&parts).all(|(s, p)| s.as_deref().map_or(!p.is_empty(), |s| s == *p))
    };
    let literal_count = |segments: &Vec<Option<String>>| segments.iter().filter(|s| s.is_some()).count();
    routes()
        .iter()
        .filter(|(segments, _)| matches(segments))
        .max_by_key(|(segments, _)| literal_count(segments))
        .map(|(_, methods)| methods.as_slice())
}

pub async fn middleware(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if let Some(methods) = allowed(req.path())
        && !methods.iter().any(|m| m == req.method().as_str())
    {
        let error = ApiError::MethodNotAllowed(methods.to_vec());
        return Ok(req.error_response(error));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_path_lists_its_methods() {
        let methods = allowed("/api/v1/areas/7").expect("route");
        assert!(methods.contains(&"GET".to_owned()));
        assert!(methods.contains(&"PATCH".to_owned()));
        assert!(!methods.contains(&"DELETE".to_owned()));
    }

    #[test]
    fn the_literal_route_wins_over_the_parameter() {
        let methods = allowed("/api/v1/areas/roots").expect("route");
        assert!(!methods.contains(&"PATCH".to_owned()));
    }

    #[test]
    fn unknown_paths_are_left_to_the_router() {
        assert!(allowed("/api/v1/nothing/here").is_none());
        assert!(allowed("/").is_none());
    }
}
