//! Words for the needs vocabulary (status, action, urgency, channel, target group, category) and the
//! service categories, loaded once per page view and shared through context.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Channel, NeedAction, NeedCategory, NeedStatus, TargetGroup, Urgency};

use crate::common::api::{self, ApiError};
use crate::common::i18n::{I18n, Locale};

/// Every urgency, mildest first (the order of `response_hours`).
pub const URGENCIES: [Urgency; 3] = [Urgency::Normal, Urgency::Urgent, Urgency::Emergency];

impl I18n {
    /// 已受理 / Accepted. Tracked.
    pub fn status(&self, status: NeedStatus) -> String {
        self.dynamic(words!("status"), status.as_str())
    }

    /// 派单 / Dispatch (a button, or a step on the timeline). Tracked.
    pub fn need_action(&self, action: NeedAction) -> String {
        self.dynamic(words!("need_action"), action.as_str())
    }

    /// 紧急 / Urgent. Tracked.
    pub fn urgency(&self, urgency: Urgency) -> String {
        self.dynamic(words!("urgency"), urgency.as_str())
    }

    /// 网格巡查 / Grid patrol. Tracked.
    pub fn channel(&self, channel: Channel) -> String {
        self.dynamic(words!("channel"), channel.as_str())
    }

    /// 空巢独居老人 / Elderly living alone. Tracked.
    pub fn target_group(&self, group: TargetGroup) -> String {
        self.label(group).to_owned()
    }

    /// 老年人、低保对象 / Elderly, Minimum-income households. Tracked.
    pub fn target_groups(&self, groups: &[TargetGroup]) -> String {
        let sep = if self.locale() == Locale::Zh { "、" } else { ", " };
        groups.iter().map(|g| self.target_group(*g)).collect::<Vec<_>>().join(sep)
    }
}

/// The service categories (养老服务, 托育服务 …). `Copy`: both fields are signals.
#[derive(Debug, Clone, Copy)]
pub struct Categories {
    pub list: RwSignal<Vec<NeedCategory>>,
    pub error: RwSignal<Option<ApiError>>,
    requested: StoredValue<bool>,
}

impl Categories {
    /// Asks the server once (again after a failure, when `force`).
    pub fn load(self, force: bool) {
        if self.requested.get_value() && !force {
            return;
        }
        self.requested.set_value(true);
        self.error.set(None);
        spawn_local(async move {
            match api::need_categories().await {
                Ok(list) => self.list.set(list),
                Err(e) => {
                    self.requested.set_value(false);
                    self.error.set(Some(e));
                }
            }
        });
    }

    /// The category's name in the current locale; the code itself while loading or when unknown.
    pub fn name(&self, i18n: I18n, code: &str) -> String {
        let locale = i18n.locale();
        self.list.with(|list| {
            list.iter().find(|c| c.code == code).map_or_else(
                || code.to_owned(),
                |c| match locale {
                    Locale::Zh => c.name_zh.clone(),
                    Locale::En => c.name_en.clone(),
                },
            )
        })
    }
}

/// The categories shared by every needs page; the first caller starts the load.
pub fn use_categories() -> Categories {
    let categories = match use_context::<Categories>() {
        Some(c) => c,
        None => {
            let c = Categories { list: RwSignal::new(Vec::new()), error: RwSignal::new(None), requested: StoredValue::new(false) };
            provide_context(c);
            c
        }
    };
    categories.load(false);
    categories
}

/// Puts an empty category store into context at the app root, so all pages share one load.
pub fn provide_categories() {
    provide_context(Categories { list: RwSignal::new(Vec::new()), error: RwSignal::new(None), requested: StoredValue::new(false) });
}
