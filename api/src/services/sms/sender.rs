//! Where codes go: a [`SmsSender`] chosen in settings (`APP_SMS__SENDER`). The development and test
//! sender writes each message to the `sms_outbox` table (tests read codes from there) and, in
//! development, to the log. A gateway for production implements the same trait.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set};

use crate::config::{Environment, Settings, SmsSenderKind};
use crate::domain::masking::mask_phone;
use crate::entities::sms_outbox;
use crate::error::ApiError;

/// A boxed future, so senders can be chosen at run time.
pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<(), ApiError>> + Send + 'a>>;

/// Delivers one text message. It runs inside the transaction that stores the code, so a failed send
/// leaves no code behind.
pub trait SmsSender: Send + Sync {
    fn send<'a>(&'a self, txn: &'a DatabaseTransaction, phone: &'a str, body: &'a str) -> Sending<'a>;
}

/// Development and tests: the message is stored in `sms_outbox` and, in development, logged.
pub struct OutboxSender {
    pub log: bool,
}

impl SmsSender for OutboxSender {
    fn send<'a>(&'a self, txn: &'a DatabaseTransaction, phone: &'a str, body: &'a str) -> Sending<'a> {
        Box::pin(async move {
            sms_outbox::ActiveModel {
                phone: Set(phone.to_owned()),
                body: Set(body.to_owned()),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            if self.log {
                tracing::info!(phone = %mask_phone(phone), %body, "SMS written to the outbox (development sender)");
            }
            Ok(())
        })
    }
}

/// The sender the settings ask for.
pub fn sender_for(settings: &Settings) -> Arc<dyn SmsSender> {
    match settings.sms.sender {
        SmsSenderKind::Outbox => Arc::new(OutboxSender { log: settings.environment == Environment::Development }),
    }
}
