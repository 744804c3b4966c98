//! Counts the 4xx and 5xx answers of integration-client requests against the client's usage. The
//! request itself is counted by the `AuthUser` extractor, which fills the [`UsageSlot`] this
//! middleware leaves in the request's extensions; requests whose slot stays empty (people, public
//! pages) cost nothing here.

use std::cell::Cell;
use std::rc::Rc;

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use crate::services::integration_clients::token::CountedRequest;
use crate::services::integration_clients::usage;
use crate::state::AppState;

/// Where the extractor leaves the counted client request. Shared by `Rc` because the request itself
/// must not be held across the handler (actix needs it unshared).
#[derive(Clone, Default)]
pub struct UsageSlot(pub Rc<Cell<Option<CountedRequest>>>);

pub async fn middleware(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let slot = UsageSlot::default();
    req.extensions_mut().insert(slot.clone());
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let result = next.call(req).await;
    let status = match &result {
        Ok(res) => res.status(),
        Err(err) => err.as_response_error().status_code(),
    };
    if let (Some(counted), Some(state), true) = (slot.0.get(), state, status.is_client_error() || status.is_server_error()) {
        // Usage is a report: failing to count an error must not turn the answer into a 500.
        if let Err(err) = usage::count_error(&state.db, counted.client, counted.minute).await {
            tracing::warn!(error = %err, client = counted.client, "could not count a client's error");
        }
    }
    result
}
