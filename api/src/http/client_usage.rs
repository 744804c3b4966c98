//! Counts the 4xx and 5xx answers of integration-client requests against the client's usage. The
//! request itself was counted by the `AuthUser` extractor, which leaves a [`CountedRequest`] in the
//! request's extensions; requests without one (people, public pages) cost nothing here.

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use crate::services::integration_clients::token::CountedRequest;
use crate::services::integration_clients::usage;
use crate::state::AppState;

pub async fn middleware(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request = req.request().clone();
    let result = next.call(req).await;
    let status = match &result {
        Ok(res) => res.status(),
        Err(err) => err.as_response_error().status_code(),
    };
    let counted = request.extensions().get::<CountedRequest>().copied();
    if let (Some(counted), true) = (counted, status.is_client_error() || status.is_server_error()) {
        if let Some(state) = request.app_data::<web::Data<AppState>>() {
            // Usage is a report: failing to count an error must not turn the answer into a 500.
            if let Err(err) = usage::count_error(&state.db, counted.client, counted.minute).await {
                tracing::warn!(error = %err, client = counted.client, "could not count a client's error");
            }
        }
    }
    result
}
