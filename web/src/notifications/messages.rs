//! The inbox's texts and the names of the notification kinds (`nkind.<code>`), zh-CN and English.

/// `(key, 中文, English)`; part of [`crate::common::messages::all`].
pub const NOTIFICATION_MESSAGES: &[(&str, &str, &str)] = &[
    ("bell.label", "消息通知", "Notifications"),
    ("inbox.title", "消息通知", "Notifications"),
    ("inbox.filter", "显示", "Show"),
    ("inbox.all", "全部", "All"),
    ("inbox.unread", "未读", "Unread"),
    ("inbox.unread_mark", "未读", "Unread"),
    ("inbox.read_all", "全部标为已读", "Mark all read"),
    ("inbox.mark_read", "标为已读", "Mark read"),
    ("inbox.open", "查看详情", "Open"),
    ("inbox.empty", "暂无消息。", "No notifications."),
    ("inbox.preferences", "接收设置", "Which notifications you get"),
    ("inbox.preferences_hint", "关闭的类别不再发送到您的消息通知。", "Kinds switched off no longer reach your inbox."),
    ("nkind.need_accepted", "需求已受理", "Need accepted"),
    ("nkind.need_returned", "需求被退回补充", "Need returned for more details"),
    ("nkind.need_rejected", "需求未予受理", "Need not accepted"),
    ("nkind.need_dispatched", "需求已派单", "Need dispatched"),
    ("nkind.need_resolved", "需求已办结", "Need resolved"),
    ("nkind.need_reopened", "需求重新办理", "Need reopened"),
    ("nkind.need_assigned", "派给我的需求", "Need dispatched to me"),
    ("nkind.need_claim_closing", "认领即将截止", "Claim window closing"),
    ("nkind.need_reassigned", "需求已改派", "Need reassigned"),
    ("nkind.need_submitted", "辖区新需求", "New need in my area"),
    ("nkind.need_overdue", "需求超时", "Need overdue"),
    ("nkind.need_escalated", "超时需求上报（街镇吹哨）", "Overdue need escalated"),
    ("nkind.program_submitted", "项目待审批", "Program awaiting approval"),
    ("nkind.program_approved", "项目已批准", "Program approved"),
    ("nkind.program_sent_back", "项目被退回", "Program sent back"),
    ("nkind.topic_filed", "议题已立案", "Topic filed"),
    ("nkind.topic_declined", "议题未立案", "Topic not filed"),
    ("nkind.topic_decided", "议题已有结果", "Topic decided"),
    ("nkind.activity_place_confirmed", "志愿活动候补转正", "Activity place confirmed"),
    ("nkind.gift_offered", "收到时长转赠", "Hours offered to you"),
    ("nkind.gift_withdrawn", "时长转赠已撤回", "Offer of hours withdrawn"),
    ("nkind.gift_accepted", "时长转赠已接受", "Hours accepted"),
    ("nkind.gift_declined", "时长转赠被谢绝", "Hours declined"),
    ("nkind.gift_expired", "时长转赠已过期", "Offer of hours expired"),
    ("nkind.shop_order_fulfilled", "积分兑换已领取", "Shop order handed over"),
    ("nkind.shop_order_cancelled", "积分兑换已取消", "Shop order cancelled"),
    ("nkind.shop_order_expired", "积分兑换已过期", "Shop order expired"),
];

#[cfg(test)]
mod tests {
    use super::NOTIFICATION_MESSAGES;
    use shared::{Code, NotificationKind};

    #[test]
    fn every_notification_kind_has_a_label() {
        let missing: Vec<&str> = <NotificationKind as Code>::ALL
            .iter()
            .map(|k| k.as_str())
            .filter(|code| !NOTIFICATION_MESSAGES.iter().any(|(k, _, _)| k.strip_prefix("nkind.") == Some(*code)))
            .collect();
        assert!(missing.is_empty(), "notification kinds without a label: {missing:?}");
    }
}
