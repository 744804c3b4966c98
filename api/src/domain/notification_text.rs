//! What a notification says, per kind and language. Notifications are stored as a kind plus the
//! few facts the text needs ([`Facts`]); the text is written here when the inbox is read, in the
//! language the request asks for. Facts never hold a third party's personal data: no names, phones
//! or addresses of anyone but the recipient — only the record's id, its category or title, and what
//! staff wrote to the recipient (the missing items of a return, a reason).

use serde::{Deserialize, Serialize};
use shared::NotificationKind::{self, *};

use super::language::Lang;
use super::need_categories;

/// The facts one notification is written from, stored as JSON with the row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    /// The need's or program's id.
    pub id: i64,
    /// A need's category code (`elderly_care`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// A program's or a topic's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What a return says is missing (一次告知).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// The reason given (a rejection, a send-back), or a meeting's outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Hours left, for a closing claim window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_left: Option<i64>,
    /// Minutes of an offer of hours (时长转赠); the other person's name is on the offer, not here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<i64>,
}

/// A notification's title and body.
pub struct Text {
    pub title: String,
    pub body: String,
}

fn category_name(code: Option<&str>, lang: Lang) -> String {
    match (code.and_then(need_categories::find), lang) {
        (Some(c), Lang::Zh) => c.name_zh.to_owned(),
        (Some(c), Lang::En) => c.name_en.to_owned(),
        (None, _) => code.unwrap_or_default().to_owned(),
    }
}

/// The text of a notification of `kind` in `lang`.
pub fn render(kind: NotificationKind, facts: &Facts, lang: Lang) -> Text {
    let id = facts.id;
    let cat = category_name(facts.category.as_deref(), lang);
    let title_of_program = facts.title.clone().unwrap_or_default();
    let reason = facts.reason.clone().unwrap_or_default();
    let hours = facts.hours_left.unwrap_or(1);
    let minutes = facts.minutes.unwrap_or_default();
    let (title, body) = match lang {
        Lang::Zh => {
            let missing = facts.missing.join("、");
            match kind {
                NeedAccepted => ("您的诉求已受理".into(), format!("您提交的「{cat}」诉求（编号 {id}）已由社区受理，将尽快安排办理。")),
                NeedReturned => (
                    "您的诉求需要补充信息".into(),
                    format!("您提交的「{cat}」诉求（编号 {id}）已退回，请补充：{missing}。补充后可重新提交。"),
                ),
                NeedRejected => ("您的诉求未予受理".into(), format!("您提交的「{cat}」诉求（编号 {id}）未予受理。原因：{reason}")),
                NeedDispatched => ("您的诉求已派单".into(), format!("您提交的「{cat}」诉求（编号 {id}）已派给服务人员办理。")),
                NeedResolved => ("您的诉求已办结".into(), format!("您提交的「{cat}」诉求（编号 {id}）已办结，欢迎评价。")),
                NeedReopened => {
                    ("您的诉求已重新办理".into(), format!("您提交的「{cat}」诉求（编号 {id}）已重新打开，社区将重新安排办理。"))
                }
                NeedAssigned => ("您有新的派单".into(), format!("「{cat}」诉求（编号 {id}）已派给您，请及时接单。")),
                NeedClaimClosing => {
                    ("派单即将超时".into(), format!("派给您的「{cat}」诉求（编号 {id}）还有约 {hours} 小时未接单将退回待派，请及时接单。"))
                }
                NeedReassigned => ("派单已收回".into(), format!("「{cat}」诉求（编号 {id}）已不再由您办理，无需处理。")),
                NeedSubmitted => ("辖区有新诉求".into(), format!("辖区内有一条新的「{cat}」诉求（编号 {id}），请及时受理。")),
                NeedOverdue => ("诉求已超时".into(), format!("辖区内「{cat}」诉求（编号 {id}）已超过办理时限，已上报街道。")),
                NeedEscalated => ("街镇吹哨：超时诉求".into(), format!("辖区社区的「{cat}」诉求（编号 {id}）已超过办理时限，请督办。")),
                ProgramSubmitted => ("共建项目待审批".into(), format!("共建项目「{title_of_program}」（编号 {id}）已提交，等待您审批。")),
                ProgramApproved => ("共建项目已批准".into(), format!("您的共建项目「{title_of_program}」（编号 {id}）已获批准。")),
                ProgramSentBack => {
                    ("共建项目被退回".into(), format!("您的共建项目「{title_of_program}」（编号 {id}）被退回修改。原因：{reason}"))
                }
                TopicFiled => ("您的议题已立案".into(), format!("您提出的议题「{title_of_program}」（编号 {id}）已立案，将组织协商。")),
                TopicDeclined => {
                    ("您的议题未予立案".into(), format!("您提出的议题「{title_of_program}」（编号 {id}）未予立案。原因：{reason}"))
                }
                TopicDecided => ("您的议题已协商".into(), format!("您提出的议题「{title_of_program}」（编号 {id}）已召开协商会：{reason}")),
                ShopOrderFulfilled => ("兑换商品已领取".into(), format!("您兑换的「{title_of_program}」（订单 {id}）已领取。")),
                ShopOrderCancelled => {
                    ("兑换订单已取消".into(), format!("您兑换的「{title_of_program}」（订单 {id}）已取消，积分已退回。{reason}"))
                }
                ShopOrderExpired => {
                    ("兑换订单已过期".into(), format!("您兑换的「{title_of_program}」（订单 {id}）未在期限内领取，已过期，积分已退回。"))
                }
                ActivityPlaceConfirmed => {
                    ("候补已转为正式报名".into(), format!("您候补的志愿活动「{title_of_program}」（编号 {id}）有了空位，您已报名成功。"))
                }
                GiftOffered => {
                    ("有人向您转赠时长".into(), format!("家人向您转赠 {minutes} 分钟服务时长（编号 {id}），请在“我的积分”中接受或谢绝。"))
                }
                GiftWithdrawn => ("时长转赠已撤回".into(), format!("向您转赠 {minutes} 分钟时长的申请（编号 {id}）已被对方撤回。")),
                GiftAccepted => ("时长转赠已被接受".into(), format!("您转赠的 {minutes} 分钟时长（编号 {id}）已被对方接受，时长已转出。")),
                GiftDeclined => ("时长转赠被谢绝".into(), format!("您转赠的 {minutes} 分钟时长（编号 {id}）被对方谢绝，时长未转出。")),
                GiftExpired => {
                    ("时长转赠已过期".into(), format!("您转赠的 {minutes} 分钟时长（编号 {id}）对方未在期限内回应，已过期，时长未转出。"))
                }
            }
        }
        Lang::En => {
            let missing = facts.missing.join("; ");
            match kind {
                NeedAccepted => (
                    "Your need was accepted".into(),
                    format!("Your {cat} need (no. {id}) was accepted by the community and will be served soon."),
                ),
                NeedReturned => (
                    "Your need needs more information".into(),
                    format!("Your {cat} need (no. {id}) was returned. Please add: {missing}. Then submit it again."),
                ),
                NeedRejected => {
                    ("Your need was not accepted".into(), format!("Your {cat} need (no. {id}) was not accepted. Reason: {reason}"))
                }
                NeedDispatched => {
                    ("Your need was dispatched".into(), format!("Your {cat} need (no. {id}) was dispatched to someone who will serve it."))
                }
                NeedResolved => ("Your need was resolved".into(), format!("Your {cat} need (no. {id}) was resolved. Please rate it.")),
                NeedReopened => {
                    ("Your need was reopened".into(), format!("Your {cat} need (no. {id}) was reopened and will be served again."))
                }
                NeedAssigned => {
                    ("A need was dispatched to you".into(), format!("The {cat} need no. {id} was dispatched to you. Please claim it."))
                }
                NeedClaimClosing => (
                    "Claim window closing".into(),
                    format!("The {cat} need no. {id} dispatched to you goes back to the queue in about {hours} h unless you claim it."),
                ),
                NeedReassigned => {
                    ("A need was taken off you".into(), format!("The {cat} need no. {id} is no longer yours to serve; nothing to do."))
                }
                NeedSubmitted => {
                    ("New need in your area".into(), format!("A new {cat} need (no. {id}) was submitted in your area. Please accept it."))
                }
                NeedOverdue => (
                    "Need overdue".into(),
                    format!("The {cat} need no. {id} in your area passed its deadline and was escalated to the street."),
                ),
                NeedEscalated => (
                    "Escalated: overdue need".into(),
                    format!("The {cat} need no. {id} of a community in your street passed its deadline. Please follow it up."),
                ),
                ProgramSubmitted => (
                    "Program waiting for approval".into(),
                    format!("The co-building program \u{201c}{title_of_program}\u{201d} (no. {id}) was submitted for your approval."),
                ),
                ProgramApproved => (
                    "Program approved".into(),
                    format!("Your co-building program \u{201c}{title_of_program}\u{201d} (no. {id}) was approved."),
                ),
                ProgramSentBack => (
                    "Program sent back".into(),
                    format!("Your co-building program \u{201c}{title_of_program}\u{201d} (no. {id}) was sent back. Reason: {reason}"),
                ),
                TopicFiled => (
                    "Your topic was filed".into(),
                    format!("Your consultation topic \u{201c}{title_of_program}\u{201d} (no. {id}) was filed and will be consulted on."),
                ),
                TopicDeclined => (
                    "Your topic was not filed".into(),
                    format!("Your consultation topic \u{201c}{title_of_program}\u{201d} (no. {id}) was not filed. Reason: {reason}"),
                ),
                TopicDecided => (
                    "A meeting decided on your topic".into(),
                    format!("A meeting on your consultation topic \u{201c}{title_of_program}\u{201d} (no. {id}) was held: {reason}"),
                ),
                ShopOrderFulfilled => {
                    ("Order picked up".into(), format!("Your order no. {id} for \u{201c}{title_of_program}\u{201d} was picked up."))
                }
                ShopOrderCancelled => (
                    "Order cancelled".into(),
                    format!("Your order no. {id} for \u{201c}{title_of_program}\u{201d} was cancelled; the points are back. {reason}"),
                ),
                ShopOrderExpired => (
                    "Order expired".into(),
                    format!("Your order no. {id} for \u{201c}{title_of_program}\u{201d} was not picked up in time; the points are back."),
                ),
                ActivityPlaceConfirmed => (
                    "You have a place".into(),
                    format!(
                        "A place became free at the activity \u{201c}{title_of_program}\u{201d} (no. {id}); you moved up from the waiting list."
                    ),
                ),
                GiftOffered => (
                    "Hours offered to you".into(),
                    format!("Family offered you {minutes} minutes of their time account (no. {id}). Accept or decline it under My points."),
                ),
                GiftWithdrawn => {
                    ("Offer of hours withdrawn".into(), format!("The offer of {minutes} minutes to you (no. {id}) was taken back."))
                }
                GiftAccepted => (
                    "Your hours were accepted".into(),
                    format!("Your offer of {minutes} minutes (no. {id}) was accepted; the hours moved."),
                ),
                GiftDeclined => {
                    ("Your hours were declined".into(), format!("Your offer of {minutes} minutes (no. {id}) was declined; nothing moved."))
                }
                GiftExpired => (
                    "Your offer of hours expired".into(),
                    format!("Your offer of {minutes} minutes (no. {id}) was not answered in time; nothing moved."),
                ),
            }
        }
    };
    Text { title, body }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_text_in_both_languages_naming_its_record() {
        let facts = Facts { id: 42, category: Some("elderly_care".into()), title: Some("助餐".into()), ..Default::default() };
        for kind in NotificationKind::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let text = render(kind, &facts, lang);
                assert!(!text.title.is_empty(), "{kind:?} {lang:?}");
                assert!(text.body.contains("42"), "{kind:?} {lang:?}: {}", text.body);
            }
        }
    }

    #[test]
    fn a_return_lists_everything_missing_and_the_category_is_named_in_the_language() {
        let facts =
            Facts {
                id: 7, category: Some("elderly_care".into()), missing: vec!["门牌号".into(), "上门时间".into()], ..Default::default()
            };
        assert!(render(NeedReturned, &facts, Lang::Zh).body.contains("门牌号、上门时间"));
        assert!(render(NeedReturned, &facts, Lang::Zh).body.contains("养老服务"));
        assert!(render(NeedReturned, &facts, Lang::En).body.contains("Elderly care"));
    }
}
