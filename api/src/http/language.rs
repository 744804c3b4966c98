//! `AcceptLanguage`: the language the request asks its texts in (Chinese unless `Accept-Language`
//! prefers English). The choice itself is [`Lang::from_accept_language`].

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};

use crate::domain::language::Lang;

/// The language of this request's texts; take it as a handler argument.
#[derive(Debug, Clone, Copy)]
pub struct AcceptLanguage(pub Lang);

impl FromRequest for AcceptLanguage {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let header = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        std::future::ready(Ok(AcceptLanguage(Lang::from_accept_language(header))))
    }
}
