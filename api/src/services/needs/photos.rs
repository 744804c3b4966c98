//! Photos of a need: the kind is read from the bytes (jpeg, png, webp), the size is capped, the file
//! is stored under the data directory by its content hash, and only those who handle the need see it.

use shared::{AuditAction, AuditEntity};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};
use shared::{FieldRule, Id, NeedPhoto};

use super::status_of;
use crate::domain::caller::Caller;
use crate::domain::tokens::sha256_hex;
use crate::entities::{need, need_photo};
use crate::error::ApiError;
use crate::policy::{self, needs::reveals_personal_data};
use crate::services::audit::{self, Change};

/// Photos one need may carry.
pub const MAX_PHOTOS: u64 = 9;

/// The image kind of `bytes`, from their signature; `None` for anything else.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        _ => None,
    }
}

fn to_dto(m: need_photo::Model) -> NeedPhoto {
    NeedPhoto {
        url: format!("/api/v1/needs/{}/photos/{}", m.need_id, m.id),
        id: m.id,
        mime: m.mime,
        bytes: m.bytes,
        created_at: m.created_at,
    }
}

fn file_of(dir: &Path, m: &need_photo::Model) -> PathBuf {
    dir.join(m.need_id.to_string()).join(&m.sha256)
}

/// The photos of a need, for those who may see them (else none).
pub async fn photos_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    need: &crate::entities::need::Model,
) -> Result<Vec<NeedPhoto>, ApiError> {
    if !reveals_personal_data(caller, need) {
        return Ok(Vec::new());
    }
    let rows =
        need_photo::Entity::find().filter(need_photo::Column::NeedId.eq(need.id)).order_by_asc(need_photo::Column::Id).all(db).await?;
    Ok(rows.into_iter().map(to_dto).collect())
}

/// Stores a photo for an open need the caller handles.
pub async fn add_photo<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    need_id: Id,
    bytes: &[u8],
    dir: &Path,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<NeedPhoto, ApiError> {
    let need = policy::load::<need::Entity, _>(db, caller, need_id).await?;
    if !reveals_personal_data(caller, &need) {
        return Err(ApiError::Forbidden("only those who handle this need add photos".into()));
    }
    if status_of(&need)?.is_final() {
        return Err(ApiError::Conflict("the need is closed".into()));
    }
    let mime = sniff(bytes).ok_or_else(|| ApiError::field("body", FieldRule::InvalidFormat, "not a JPEG, PNG or WebP image"))?;
    if need_photo::Entity::find().filter(need_photo::Column::NeedId.eq(need.id)).count(db).await? >= MAX_PHOTOS {
        return Err(ApiError::Conflict(format!("a need carries at most {MAX_PHOTOS} photos")));
    }
    let saved = need_photo::ActiveModel {
        need_id: Set(need.id),
        mime: Set(mime.into()),
        bytes: Set(bytes.len() as i64),
        sha256: Set(sha256_hex(bytes)),
        uploaded_by: Set(caller.id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    // Written before the transaction commits: if the commit fails an unreferenced file stays behind,
    // never a row without its file.
    let path = file_of(dir, &saved);
    if let Some(parent) = path.parent() {
        tokio::fs::create_dir_all(parent).await.map_err(anyhow::Error::from)?;
    }
    let partial = path.with_extension("part");
    tokio::fs::write(&partial, bytes).await.map_err(anyhow::Error::from)?;
    tokio::fs::rename(&partial, &path).await.map_err(anyhow::Error::from)?;
    let dto = to_dto(saved);
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::AddPhoto,
            entity: AuditEntity::Need,
            entity_id: need.id,
            area: Some((need.area_id, &need.area_path)),
            before: None,
            after: Some(&dto),
        },
    )
    .await?;
    Ok(dto)
}

/// The bytes and kind of one photo, for those who may see it.
pub async fn read_photo<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    need_id: Id,
    photo_id: Id,
    dir: &Path,
) -> Result<(Vec<u8>, String), ApiError> {
    let need = policy::load::<need::Entity, _>(db, caller, need_id).await?;
    if !reveals_personal_data(caller, &need) {
        return Err(ApiError::NotFound("photo"));
    }
    let row = need_photo::Entity::find_by_id(photo_id)
        .filter(need_photo::Column::NeedId.eq(need.id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("photo"))?;
    let bytes = tokio::fs::read(file_of(dir, &row)).await.map_err(|_| ApiError::NotFound("photo"))?;
    Ok((bytes, row.mime))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_first_bytes() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0]), Some("image/jpeg"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some("image/webp"));
    }

    #[test]
    fn anything_else_is_refused_whatever_it_claims() {
        assert_eq!(sniff(b"<svg xmlns=..."), None);
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"RIFF\x10\0\0\0WAVE"), None);
    }
}
