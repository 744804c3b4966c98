//! The inbox calls (`/me/notifications…`, `/me/notification-preferences`). Texts come in the
//! dashboard's language: the server writes them for the `Accept-Language` it is sent.

use gloo_net::http::Method;
use shared::{Id, MarkedRead, Notification, NotificationPreferences, NotificationPreferencesUpdate, Page, UnreadCount};

use crate::common::api::{ApiResult, PAGE_SIZE, get, get_with, send_json};
use crate::common::i18n::Locale;

/// GET /me/notifications/unread-count: for the bell.
pub async fn unread_count() -> ApiResult<UnreadCount> {
    get("/me/notifications/unread-count", &[]).await
}

/// GET /me/notifications: newest first; `unread_only` leaves the read ones out.
pub async fn notifications(unread_only: bool, cursor: Option<String>, locale: Locale) -> ApiResult<Page<Notification>> {
    let mut query = vec![("limit", PAGE_SIZE.to_string()), ("cursor", cursor.unwrap_or_default())];
    if unread_only {
        query.push(("unread", "true".to_owned()));
    }
    get_with("/me/notifications", &query, &[("Accept-Language", locale.tag().to_owned())]).await
}

/// POST /me/notifications/{id}/read.
pub async fn mark_read(id: Id) -> ApiResult<Notification> {
    send_json(Method::POST, &format!("/me/notifications/{id}/read"), &serde_json::json!({})).await
}

/// POST /me/notifications/read-all.
pub async fn mark_all_read() -> ApiResult<MarkedRead> {
    send_json(Method::POST, "/me/notifications/read-all", &serde_json::json!({})).await
}

/// GET /me/notification-preferences: every kind with whether it is on.
pub async fn preferences() -> ApiResult<NotificationPreferences> {
    get("/me/notification-preferences", &[]).await
}

/// PUT /me/notification-preferences: the kinds listed are set.
pub async fn set_preferences(update: NotificationPreferencesUpdate) -> ApiResult<NotificationPreferences> {
    send_json(Method::PUT, "/me/notification-preferences", &update).await
}
