//! The dashboard's texts: `(key, 中文, English)`. Keys are grouped by page; role, area-kind, entity and
//! action names live here too, so one table covers every word on screen. The needs pages' part of the
//! table is in [`crate::needs::messages`]; [`all`] is the whole table.

/// Every message of the dashboard, general ones first.
pub fn all() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    MESSAGES
        .iter()
        .chain(crate::needs::messages::NEED_MESSAGES.iter())
        .chain(crate::programs::messages::PROGRAM_MESSAGES.iter())
        .chain(crate::programs::messages::PROGRAM_FORM_MESSAGES.iter())
        .chain(crate::resources::messages::RESOURCE_MESSAGES.iter())
        .chain(crate::matching::messages::MATCHING_MESSAGES.iter())
        .chain(crate::kpis::messages::KPI_MESSAGES.iter())
        .chain(crate::admin::clients_messages::CLIENT_MESSAGES.iter())
        .chain(crate::admin::webhooks_messages::WEBHOOK_MESSAGES.iter())
        .chain(crate::notifications::messages::NOTIFICATION_MESSAGES.iter())
        .chain(crate::residents::messages::RESIDENT_MESSAGES.iter())
        .chain(crate::mobile::account_messages::ACCOUNT_MESSAGES.iter())
        .chain(crate::mobile::participation_messages::PARTICIPATION_MESSAGES.iter())
        .chain(crate::public::messages::NEARBY_MESSAGES.iter())
        .chain(crate::common::title_messages::TITLE_MESSAGES.iter())
        .chain(crate::workbench::messages::WORKBENCH_MESSAGES.iter())
        .chain(crate::consultation::messages::CONSULTATION_MESSAGES.iter())
        .chain(crate::surveys::messages::SURVEY_MESSAGES.iter())
        .chain(crate::ledger::messages::LEDGER_MESSAGES.iter())
        .chain(crate::shop::messages::SHOP_MESSAGES.iter())
        .chain(crate::activities::messages::ACTIVITY_MESSAGES.iter())
}

/// Every message; looked up by [`crate::common::i18n::I18n::t`].
pub const MESSAGES: &[(&str, &str, &str)] = &[
    ("app.name", "幸福家园 共建平台", "Happy Home Co-building Platform"),
    ("locale.other", "English", "中文"),
    ("locale.switch_title", "Switch to English", "切换到中文"),
    // Actions
    ("action.cancel", "取消", "Cancel"),
    ("action.clear", "清除", "Clear"),
    ("action.create", "创建", "Create"),
    ("action.edit", "编辑", "Edit"),
    ("action.load_more", "加载更多（下一页）", "Load more"),
    ("action.logout", "退出登录", "Sign out"),
    ("action.retry", "重试", "Retry"),
    ("action.save", "保存", "Save"),
    ("action.search", "查询", "Search"),
    // States
    ("state.loading", "加载中…", "Loading…"),
    ("state.saving", "保存中…", "Saving…"),
    ("state.no_areas", "您的管辖范围内暂无区域。", "There are no areas in your scope."),
    ("state.no_children", "暂无下级区域。", "No sub-areas."),
    ("state.no_matches", "没有匹配的区域。", "No matching areas."),
    ("state.no_users", "没有符合条件的用户。", "No users match these filters."),
    ("state.no_audit", "暂无审计记录。", "No audit entries."),
    // The staff tables (common/data_table.rs)
    ("table.total", "共 {n} 条", "{n} in all"),
    ("table.prev", "上一页", "Previous"),
    ("table.next", "下一页", "Next"),
    ("table.pages", "分页", "Pages"),
    ("table.page_size", "每页条数", "Rows per page"),
    ("table.per_page", "每页 {n} 条", "{n} per page"),
    ("table.columns", "显示列", "Columns"),
    ("table.from", "开始日期", "From"),
    ("table.to", "结束日期", "To"),
    ("table.search_needs", "搜索 #编号、内容、地址、联系人或电话", "Search #id, text, address, contact or phone"),
    ("table.search_title", "搜索标题", "Search titles"),
    ("table.search_name", "搜索名称", "Search names"),
    ("table.search_users", "搜索账号或姓名", "Search username or name"),
    ("table.search_audit", "搜索 #对象编号、账号或请求编号", "Search #record number, account or request ID"),
    // Errors
    ("error.network", "无法连接服务器，请检查网络后重试。", "Cannot reach the server. Check the connection and retry."),
    ("error.unauthenticated", "登录已失效，请重新登录。", "Your session has ended. Please sign in again."),
    ("error.forbidden", "您没有权限查看此内容。", "You do not have permission to see this."),
    ("error.not_found", "未找到该记录，可能已被删除或不在您的管辖范围内。", "Not found, or outside your scope."),
    ("error.rate_limited", "操作过于频繁，请稍后再试。", "Too many requests. Please wait a moment."),
    ("error.validation", "请修改标出的内容后重新提交。", "Please correct the marked fields."),
    ("error.conflict", "操作冲突", "Conflict"),
    ("error.unavailable", "服务暂时不可用，请稍后再试。", "The service is temporarily unavailable."),
    ("error.unexpected", "出现意外错误，请稍后再试。", "Something went wrong. Please try again."),
    // Field rules (Chinese only; English shows the server's message)
    ("rule.required", "必填", "required"),
    ("rule.type", "格式不正确，请填写数字", "wrong type"),
    ("rule.too_long", "内容过长", "too long"),
    ("rule.too_short", "内容过短", "too short"),
    ("rule.out_of_range", "超出允许范围", "out of range"),
    ("rule.taken", "已被占用", "already taken"),
    ("rule.invalid_format", "格式不正确", "wrong format"),
    ("rule.invalid_value", "不是允许的取值", "not an allowed value"),
    ("rule.mismatch_parent", "须以上级区域的区划代码开头", "must start with the parent's code"),
    ("rule.wrong_kind", "区域层级不符合要求", "area level does not fit the role"),
    ("rule.weak", "密码强度不足（不能与用户名相同）", "password too weak"),
    ("rule.not_found", "不存在或不在您的管辖范围内", "not found in your scope"),
    ("rule.invalid", "无效", "invalid"),
    ("rule.not_allowed", "不允许", "not allowed"),
    ("rule.invalid_parent", "上级区域的层级不符", "wrong level of parent"),
    ("rule.too_many", "数量过多，请缩小筛选范围", "too many: narrow the filters"),
    ("rule.conflict", "与当前状态冲突", "conflicts with the current state"),
    ("rule.informational", "该指标仅供参考，不设目标", "informational indicator: no target"),
    ("rule.unknown_event", "不是可订阅的事件", "not an event you can subscribe to"),
    ("rule.category", "该服务不提供此类需求", "the service does not serve this category"),
    ("rule.eligibility", "居民不在该服务的对象范围内", "the resident is not eligible for the service"),
    ("rule.full", "该服务本周已无名额", "the service has no places left this week"),
    ("rule.no_account", "该服务没有接单账号", "the service has no account to receive needs"),
    ("rule.insufficient_balance", "余额不足", "the balance is too low for this"),
    ("rule.unknown_field", "不支持的字段", "unknown field"),
    ("rule.limit_reached", "已达每人限兑数量", "the limit per person is reached"),
    ("rule.wrong_code", "核销码不正确", "the pick-up code does not match"),
    ("rule.expired", "签到码已过期，请扫描当前显示的码", "the code has expired; use the one shown now"),
    // Login
    ("login.subtitle", "社区工作者登录", "Sign in for community workers"),
    ("login.username", "用户名", "Username"),
    ("login.password", "密码", "Password"),
    ("login.submit", "登录", "Sign in"),
    ("login.busy", "登录中…", "Signing in…"),
    ("login.missing", "请输入用户名和密码。", "Enter your username and password."),
    ("login.bad_credentials", "用户名或密码错误。", "Wrong username or password."),
    ("login.rate_limited", "登录尝试过于频繁，请稍后再试。", "Too many sign-in attempts. Please wait and try again."),
    // Navigation
    ("nav.label", "主导航", "Main navigation"),
    ("nav.areas", "区域", "Areas"),
    ("nav.users", "用户", "Users"),
    ("nav.audit", "审计", "Audit"),
    ("nav.docs", "API 文档", "API docs"),
    ("notfound.text", "页面不存在。", "This page does not exist."),
    ("app.loading_page", "正在打开页面…", "Opening the page…"),
    // Area kinds
    ("kind.province", "省", "Province"),
    ("kind.city", "市", "City"),
    ("kind.district", "区/县", "District"),
    ("kind.street", "街道/乡镇", "Street"),
    ("kind.community", "社区/村", "Community"),
    ("kind.grid", "网格", "Grid"),
    // Roles
    ("role.platform_admin", "平台管理员", "Platform admin"),
    ("role.district_admin", "区县管理员", "District admin"),
    ("role.street_staff", "街道工作人员", "Street staff"),
    ("role.community_staff", "社区工作者", "Community worker"),
    ("role.grid_worker", "网格员", "Grid worker"),
    ("role.provider", "服务提供方", "Service provider"),
    ("role.volunteer", "志愿者", "Volunteer"),
    ("role.resident", "居民", "Resident"),
    ("role.integration", "第三方系统", "Integration"),
    ("role.merchant", "商户", "Merchant"),
    // Areas
    ("tree.title", "区域树", "Area tree"),
    ("tree.expand", "展开", "Expand"),
    ("tree.collapse", "收起", "Collapse"),
    ("area.search", "按名称查找区域…", "Find an area by name…"),
    ("area.whole_platform", "全平台", "Whole platform"),
    ("area.pick_hint", "请在左侧选择一个区域。", "Pick an area on the left."),
    ("area.breadcrumbs", "区域路径", "Area path"),
    ("area.name", "名称", "Name"),
    ("area.kind", "层级", "Level"),
    ("area.code", "区划代码", "Division code"),
    ("area.code_hint", "12 位统计用区划代码", "12-digit statistical division code"),
    ("area.child_count", "下级数量", "Sub-areas"),
    ("area.updated_at", "更新时间", "Updated"),
    ("area.add_child", "添加下级区域", "Add sub-area"),
    ("area.history", "变更记录", "History"),
    // Community profile
    ("profile.title", "社区画像", "Community profile"),
    ("profile.none", "尚未填写社区画像。", "No profile recorded yet."),
    ("profile.settlement", "社区类型", "Settlement"),
    ("profile.urban", "城市社区", "Urban"),
    ("profile.rural", "农村社区", "Rural"),
    ("profile.area_ha", "占地面积（公顷）", "Land area (ha)"),
    ("profile.households", "户数", "Households"),
    ("profile.population", "常住人口", "Resident population"),
    ("profile.population_60_plus", "60 岁以上人口", "Aged 60+"),
    ("profile.building_area_m2", "建筑面积（m²）", "Building floor area (m²)"),
    ("profile.facility_area_m2", "综合服务设施面积（m²）", "Service facility area (m²)"),
    ("profile.center", "中心坐标（纬度, 经度）", "Centre (lat, lng)"),
    ("profile.center_lat", "中心纬度", "Centre latitude"),
    ("profile.center_lng", "中心经度", "Centre longitude"),
    ("profile.facility_per_100", "每百户综合服务设施面积（m²）", "Facility m² per 100 households"),
    // Users
    ("user.create", "新建用户", "New user"),
    ("user.edit", "编辑用户", "Edit user"),
    ("user.all_roles", "全部角色", "All roles"),
    ("user.any_status", "全部状态", "Any status"),
    ("user.username", "用户名", "Username"),
    ("user.username_hint", "小写字母、数字、. _ -，3–32 位", "a–z, 0–9, . _ -; 3–32 characters"),
    ("user.display_name", "姓名", "Display name"),
    ("user.role", "角色", "Role"),
    ("user.pick_role", "请选择角色", "Choose a role"),
    ("user.area", "所属区域", "Home area"),
    ("user.no_area", "未选择", "None chosen"),
    ("user.provider", "所属商家", "Sells for"),
    ("user.provider_hint", "商户账号代表该服务主体兑付积分商城订单", "A merchant account fulfils points-shop orders for this provider"),
    ("user.pick_provider", "请选择服务主体", "Choose a provider"),
    ("user.active", "状态", "Status"),
    ("user.active_yes", "启用", "Active"),
    ("user.active_no", "停用", "Inactive"),
    ("user.password", "初始密码", "Password"),
    ("user.password_hint", "至少 10 位", "At least 10 characters"),
    ("user.new_password", "重置密码", "Reset password"),
    ("user.new_password_hint", "留空则不修改；修改后该用户需重新登录", "Leave empty to keep; a new one signs the user out"),
    ("user.updated_at", "更新时间", "Updated"),
    // Audit
    ("audit.at", "时间", "Time"),
    ("audit.actor", "操作人", "Actor"),
    ("audit.action", "操作", "Action"),
    ("audit.entity", "对象类型", "Entity"),
    ("audit.entity_id", "对象编号", "ID"),
    ("audit.all_entities", "全部对象", "All entities"),
    ("audit.all_actions", "全部操作", "All actions"),
    ("audit.actor_search", "按姓名查找操作人", "Find an operator by name"),
    ("audit.system", "系统", "System"),
    ("audit.show_diff", "查看变更前后", "Show before/after"),
    ("audit.before", "变更前", "Before"),
    ("audit.after", "变更后", "After"),
    // Field names in the audit diff (a key without one is shown as sent)
    ("audit.field", "字段", "Field"),
    ("audit.no_change", "没有字段变化", "No field changed"),
    ("field.name", "名称", "Name"),
    ("field.title", "标题", "Title"),
    ("field.status", "状态", "Status"),
    ("field.description", "描述", "Description"),
    ("field.area_id", "区域", "Area"),
    ("field.area_name", "区域名称", "Area name"),
    ("field.username", "用户名", "Username"),
    ("field.display_name", "姓名", "Name"),
    ("field.role", "角色", "Role"),
    ("field.active", "启用", "Active"),
    ("field.phone", "电话", "Phone"),
    ("field.contact_name", "联系人", "Contact"),
    ("field.contact_phone", "联系电话", "Contact phone"),
    ("field.category", "类别", "Category"),
    ("field.urgency", "紧急程度", "Urgency"),
    ("field.address", "地址", "Address"),
    ("field.budget_fen", "预算(分)", "Budget (fen)"),
    ("field.spent_fen", "支出(分)", "Spent (fen)"),
    ("field.start_date", "开始日期", "Start date"),
    ("field.end_date", "结束日期", "End date"),
    ("field.lead_org", "牵头单位", "Lead organisation"),
    ("field.public", "公开", "Public"),
    ("field.kind", "类型", "Kind"),
    ("field.code", "编码", "Code"),
    ("field.households", "户数", "Households"),
    ("field.population", "人口", "Population"),
    ("field.capacity", "容纳人数", "Capacity"),
    ("field.capacity_per_week", "每周名额", "Places per week"),
    ("field.mode", "服务方式", "Mode"),
    ("field.cost", "收费", "Cost"),
    ("field.target_groups", "服务对象", "Target groups"),
    ("field.verified", "已认证", "Verified"),
    ("field.note", "备注", "Note"),
    ("field.text", "内容", "Text"),
    ("field.assignee_id", "接单人", "Assignee"),
    ("field.value", "数值", "Value"),
    ("field.period", "期间", "Period"),
    ("field.indicator", "指标", "Indicator"),
];

/// The table checked against the code that names its keys: a key the code names that is not here
/// would show as the key itself, and a message no code names is dead weight in every bundle.
#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The dashboard's code but the message tables (`messages.rs`, `*_messages.rs`).
    fn code() -> Vec<(String, String)> {
        let table = |file: &str| file.ends_with("/messages.rs") || file.ends_with("_messages.rs");
        crate::common::sources::dashboard_code().into_iter().filter(|(file, _)| !table(file)).collect()
    }

    /// String literals shaped like a key (`word.word…`): a quote, lowercase words joined by dots, a quote.
    fn key_literals(code: &str) -> Vec<&str> {
        code.split('"')
            .skip(1)
            .filter(|s| {
                s.contains('.')
                    && s.starts_with(|c: char| c.is_ascii_lowercase())
                    && s.split('.').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
            })
            .collect()
    }

    /// The first words of keys the code looks up by a name it gets at run time (`tr_word("paction",
    /// name)`, `i18n.dynamic("status", code)`), and `rule`, whose keys `I18n::field_rule` builds.
    fn looked_up_by_name(code: &[(String, String)]) -> BTreeSet<String> {
        let mut prefixes = BTreeSet::from(["rule".to_owned()]);
        for (_, text) in code {
            for call in ["tr_word(\"", "dynamic(\""] {
                for rest in text.split(call).skip(1) {
                    prefixes.insert(rest.split('"').next().unwrap_or_default().to_owned());
                }
            }
        }
        prefixes
    }

    #[test]
    fn every_key_the_code_names_is_a_message() {
        let keys: BTreeSet<&str> = super::all().map(|(k, _, _)| *k).collect();
        let first_words: BTreeSet<&str> = keys.iter().filter_map(|k| k.split('.').next()).collect();
        let mut missing = Vec::new();
        for (file, text) in code() {
            for key in key_literals(&text) {
                // A file name (`rollup.csv`) has a key's shape.
                let file_name = key.ends_with(".csv") || key.ends_with(".xlsx");
                let first = key.split('.').next().unwrap_or_default();
                if first_words.contains(first) && !file_name && !keys.contains(key) {
                    missing.push(format!("{key} ({file})"));
                }
            }
        }
        assert!(missing.is_empty(), "keys the code names that have no message: {missing:?}");
    }

    #[test]
    fn every_message_is_named_by_the_code() {
        let code = code();
        let named: BTreeSet<&str> = code.iter().flat_map(|(_, text)| key_literals(text)).collect();
        let by_name = looked_up_by_name(&code);
        let dead: Vec<&str> = super::all()
            .map(|(k, _, _)| *k)
            .filter(|k| !named.contains(k) && !by_name.contains(k.split('.').next().unwrap_or_default()))
            .collect();
        assert!(dead.is_empty(), "messages no code names: {dead:?}");
    }

    #[test]
    fn every_message_has_both_languages() {
        let empty: Vec<&str> =
            super::all().filter(|(_, zh, en)| zh.trim().is_empty() || en.trim().is_empty()).map(|(k, _, _)| *k).collect();
        assert!(empty.is_empty(), "messages without Chinese or English: {empty:?}");
    }
}
