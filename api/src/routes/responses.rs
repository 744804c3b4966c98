//! The error responses routes declare in the spec, grouped so each route lists them in one word.

use std::collections::BTreeMap;

use shared::Problem;
use utoipa::openapi::{Ref, RefOr, Response, ResponseBuilder, Schema, content::ContentBuilder};
use utoipa::{IntoResponses, ToSchema};

fn problems(statuses: &[(u16, &str)]) -> BTreeMap<String, RefOr<Response>> {
    statuses
        .iter()
        .map(|(status, description)| {
            let content = ContentBuilder::new().schema(Some(RefOr::<Schema>::Ref(Ref::from_schema_name(Problem::name())))).build();
            let response = ResponseBuilder::new().description(*description).content("application/problem+json", content).build();
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}

const UNAUTHENTICATED: (u16, &str) = (401, "No, expired or invalid access token");
const FORBIDDEN: (u16, &str) = (403, "The caller's role may not do this");
const NOT_FOUND: (u16, &str) = (404, "No such record in the caller's scope");
const BAD_QUERY: (u16, &str) = (400, "Malformed request");
const INVALID: (u16, &str) = (422, "Invalid fields, every one listed in `errors`");

/// Errors of an authenticated read.
pub struct ReadErrors;
impl IntoResponses for ReadErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        problems(&[BAD_QUERY, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID])
    }
}

/// Errors of an authenticated write with a JSON body.
pub struct WriteErrors;
impl IntoResponses for WriteErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        problems(&[
            (400, "Malformed JSON"),
            UNAUTHENTICATED,
            FORBIDDEN,
            NOT_FOUND,
            (409, "Conflicts with the stored data"),
            (413, "Body larger than the limit"),
            (415, "Body is not JSON"),
            (422, "Invalid fields (every one listed in `errors`), or an Idempotency-Key reused with another request"),
        ])
    }
}

/// Errors of the public sign-in endpoints.
pub struct AuthErrors;
impl IntoResponses for AuthErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        problems(&[
            (400, "Malformed JSON"),
            (401, "Wrong credentials or an invalid refresh token"),
            (413, "Body larger than the limit"),
            (415, "Body is not JSON"),
            INVALID,
            (429, "Too many attempts; see Retry-After"),
        ])
    }
}

/// A binary body (an image, a spreadsheet) in the spec.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct Binary(#[expect(dead_code, reason = "only describes the body in the spec")] Vec<u8>);
