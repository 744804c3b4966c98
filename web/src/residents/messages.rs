//! Texts of the residence checks: the page, the states (`ver.<code>`) and the refusal reasons
//! (`refusal.<code>`), zh-CN and English.

/// `(key, 中文, English)`; part of [`crate::common::messages::all`].
pub const RESIDENT_MESSAGES: &[(&str, &str, &str)] = &[
    ("nav.residents", "居民认证", "Residents"),
    ("residents.title", "居民认证", "Residence checks"),
    ("residents.status", "认证状态", "Status"),
    ("residents.search", "按姓名、手机号或所在区域筛选", "Filter by name, phone or area"),
    ("residents.total", "已加载", "Loaded"),
    ("residents.more", "（还有更多，可加载下一页）", "(more to load)"),
    ("residents.phone", "手机号", "Phone"),
    ("residents.area", "社区 / 网格", "Community / grid"),
    ("residents.address", "住址", "Address"),
    ("residents.signed_up", "注册时间", "Signed up"),
    ("residents.verify", "通过认证", "Verify"),
    ("residents.refuse", "不通过", "Refuse"),
    ("residents.reason", "不通过原因", "Reason"),
    ("residents.pick_reason", "请选择原因", "Choose a reason"),
    ("residents.note", "说明（选填）", "Note (optional)"),
    ("residents.reason_required", "请选择不通过的原因", "Choose why the residence is refused"),
    ("residents.confirm_refuse", "确认不通过", "Refuse residence"),
    ("residents.empty", "没有该状态的居民。", "No residents in this state."),
    ("residents.done_verified", "已通过认证。", "Residence verified."),
    ("residents.done_refused", "已标记为不通过。", "Residence refused."),
    ("residents.no_match", "已加载的居民中没有匹配项。", "No loaded resident matches."),
    ("residents.target_groups", "目标群体", "Target groups"),
    ("residents.no_groups", "未登记", "None recorded"),
    ("residents.edit_groups", "设置群体", "Set groups"),
    ("residents.save_groups", "保存群体", "Save groups"),
    (
        "residents.target_groups_hint",
        "仅工作人员可见；面向特定群体的问卷只有登记在其中的居民能填写",
        "Seen by staff only; surveys aimed at groups are answered only by residents recorded in them",
    ),
    ("residents.done_groups", "已保存目标群体。", "Target groups saved."),
    ("ver.pending", "待认证", "Awaiting check"),
    ("ver.verified", "已认证", "Verified"),
    ("ver.refused", "未通过", "Refused"),
    ("refusal.not_resident", "不在本社区居住", "Does not live here"),
    ("refusal.unverifiable", "信息无法核实", "Could not be checked"),
    ("refusal.duplicate", "重复账户", "Duplicate account"),
    ("refusal.other", "其他", "Other"),
];

#[cfg(test)]
mod tests {
    use super::RESIDENT_MESSAGES;
    use shared::{Code, RefusalReason, Verification};

    fn has(key: String) -> bool {
        RESIDENT_MESSAGES.iter().any(|(k, _, _)| *k == key)
    }

    #[test]
    fn every_state_and_reason_has_a_label() {
        assert!(<Verification as Code>::ALL.iter().all(|v| has(format!("ver.{}", v.as_str()))));
        assert!(<RefusalReason as Code>::ALL.iter().all(|r| has(format!("refusal.{}", r.as_str()))));
    }
}
