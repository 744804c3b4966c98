//! The user list as a table (用户台账): exactly the users the list's filters select, roles as words.

use sea_orm::{ConnectionTrait, QueryOrder, QuerySelect};
use shared::{Labelled, Lang, User};

use crate::domain::scope::Scope;
use crate::entities::user;
use crate::error::ApiError;
use crate::services::spreadsheet::{MAX_EXPORT_ROWS, Table, within_export_limit};
use crate::services::users::{UserFilter, filtered, with_area_names};

/// Every user `filter` selects, oldest account first.
pub async fn all<C: ConnectionTrait>(db: &C, scope: &Scope, filter: UserFilter) -> Result<Vec<User>, ApiError> {
    let rows = filtered(db, scope, &filter).await?.order_by_asc(user::Column::Id).limit(MAX_EXPORT_ROWS + 1).all(db).await?;
    with_area_names(db, within_export_limit(rows, "area_id", "area or role")?).await
}

/// The users as one sheet in `lang`.
pub fn table(users: &[User], lang: Lang) -> Table {
    let mut table = Table::new(
        lang,
        ("用户", "Users"),
        &[
            ("编号", "ID"),
            ("用户名", "Username"),
            ("姓名", "Name"),
            ("角色", "Role"),
            ("所属区域", "Home area"),
            ("启用", "Active"),
            ("创建时间", "Created"),
        ],
    );
    for u in users {
        table.rows.push(vec![
            u.id.into(),
            u.username.clone().into(),
            u.display_name.clone().into(),
            u.role.label(lang).into(),
            u.area_name.clone().into(),
            u.active.into(),
            u.created_at.into(),
        ]);
    }
    table
}
