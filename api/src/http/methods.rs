//! 405 Method Not Allowed (with `Allow`) for a known path called with a method it does not have.
//! The table is built at start-up from the OpenAPI document, so it always matches the routes; it
//! reaches the middleware as app data because the document's builder imports every route.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;
use serde_json::Value;
use utoipa::openapi::OpenApi;

use crate::error::ApiError;

/// A path template split into segments (`None` for a `{param}`), with its methods.
type Route = (Vec<Option<String>>, Vec<String>);

/// The methods of every path of the API.
pub struct AllowedMethods(Vec<Route>);

impl AllowedMethods {
    pub fn from_document(doc: &OpenApi) -> Self {
        Self::from_json(&serde_json::to_value(doc).unwrap_or_default())
    }

    /// The table of a document given as JSON (only its `paths` are read).
    fn from_json(doc: &Value) -> Self {
        let Some(paths) = doc.get("paths").and_then(|p| p.as_object()) else { return Self(Vec::new()) };
        let routes = paths
            .iter()
            .map(|(template, item)| {
                let segments = template.split('/').map(|s| (!s.starts_with('{')).then(|| s.to_owned())).collect();
                let mut methods: Vec<String> = item.as_object().map(|o| o.keys().map(|m| m.to_uppercase()).collect()).unwrap_or_default();
                if methods.iter().any(|m| m == "GET") {
                    methods.push("HEAD".into());
                }
                (segments, methods)
            })
            .collect();
        Self(routes)
    }

    /// The methods of the route whose template matches `path`, if any. Literal segments win over
    /// parameters, as in the router (`/areas/roots` before `/areas/{id}`).
    fn allowed(&self, path: &str) -> Option<&[String]> {
        let parts: Vec<&str> = path.split('/').collect();
        let matches = |segments: &Vec<Option<String>>| {
            segments.len() == parts.len() && segments.iter().zip(&parts).all(|(s, p)| s.as_deref().map_or(!p.is_empty(), |s| s == *p))
        };
        let literal_count = |segments: &Vec<Option<String>>| segments.iter().filter(|s| s.is_some()).count();
        self.0
            .iter()
            .filter(|(segments, _)| matches(segments))
            .max_by_key(|(segments, _)| literal_count(segments))
            .map(|(_, methods)| methods.as_slice())
    }
}

pub async fn middleware(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let refused = req
        .app_data::<web::Data<AllowedMethods>>()
        .and_then(|table| table.allowed(req.path()))
        .filter(|methods| !methods.iter().any(|m| m == req.method().as_str()))
        .map(<[String]>::to_vec);
    if let Some(methods) = refused {
        return Ok(req.error_response(ApiError::MethodNotAllowed(methods)));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> AllowedMethods {
        AllowedMethods::from_json(&serde_json::json!({ "paths": {
            "/api/v1/areas/{id}": { "get": {}, "patch": {} },
            "/api/v1/areas/roots": { "get": {} },
        } }))
    }

    #[test]
    fn a_known_path_lists_its_methods() {
        let table = table();
        let methods = table.allowed("/api/v1/areas/7").expect("route");
        assert!(methods.contains(&"GET".to_owned()));
        assert!(methods.contains(&"PATCH".to_owned()));
        assert!(!methods.contains(&"DELETE".to_owned()));
    }

    #[test]
    fn the_literal_route_wins_over_the_parameter() {
        let table = table();
        let methods = table.allowed("/api/v1/areas/roots").expect("route");
        assert!(!methods.contains(&"PATCH".to_owned()));
    }

    #[test]
    fn unknown_paths_are_left_to_the_router() {
        let table = table();
        assert!(table.allowed("/api/v1/nothing/here").is_none());
        assert!(table.allowed("/").is_none());
    }
}
