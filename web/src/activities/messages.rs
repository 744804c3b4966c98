//! The activities part of the message table (志愿活动): statuses, moves, sign-up states, the list,
//! the form, the activity page with its check-in code and attendance, and the volunteer's profile and
//! certificate. Same `(key, 中文, English)` shape as [`crate::common::messages::MESSAGES`].

pub const ACTIVITY_MESSAGES: &[(&str, &str, &str)] = &[
    ("nav.activities", "志愿活动", "Volunteer activities"),
    ("astatus.draft", "草稿", "Draft"),
    ("astatus.open", "报名中", "Open for sign-up"),
    ("astatus.closed", "报名截止", "Sign-up closed"),
    ("astatus.finished", "已结束", "Finished"),
    ("astatus.cancelled", "已取消", "Cancelled"),
    ("aaction.publish", "发布", "Publish"),
    ("aaction.close", "截止报名", "Close sign-up"),
    ("aaction.reopen", "重新开放报名", "Reopen sign-up"),
    ("aaction.finish", "结束活动", "Finish"),
    ("aaction.cancel", "取消活动", "Call it off"),
    ("signup.confirmed", "已报名", "Signed up"),
    ("signup.waiting", "候补", "Waiting"),
    ("signup.cancelled", "已取消", "Cancelled"),
    ("record.activity", "志愿活动", "Activity"),
    ("record.need", "服务需求", "Need served"),
    // The list
    ("activity.new", "新建活动", "New activity"),
    ("activity.search", "搜索活动名称", "Search titles"),
    ("activity.all_statuses", "全部状态", "All statuses"),
    ("activity.sort", "排序", "Order"),
    ("activity.sort_newest", "最新创建在前", "Newest first"),
    ("activity.sort_oldest", "最早创建在前", "Oldest first"),
    ("activity.sort_title", "按名称", "By title"),
    ("activity.total", "共 {n} 个活动", "{n} activities"),
    ("activity.none", "没有符合条件的活动", "No activities match"),
    ("activity.title", "活动名称", "Title"),
    ("activity.when", "时间", "When"),
    ("activity.place", "地点", "Where"),
    ("activity.organiser", "组织方", "Organiser"),
    ("activity.organiser_community", "本社区组织", "The community itself"),
    ("activity.organiser_hint", "由服务资源清单中的组织承办时选择", "Pick an organisation from the resource catalogue when one runs it"),
    ("activity.space", "服务空间", "Service space"),
    ("activity.space_elsewhere", "不在服务空间（填写地址）", "Elsewhere (give the address)"),
    ("activity.no_spaces", "该社区还没有登记服务空间", "This community has no service space on record"),
    (
        "activity.place_hint",
        "不在服务空间时必填；在服务空间时可补充楼层、房间",
        "Required when not in a service space; otherwise the floor or room",
    ),
    ("activity.places", "名额", "Places"),
    ("activity.status", "状态", "Status"),
    ("activity.waiting_short", " 候补", " waiting"),
    // The form
    ("activity.back", "返回活动列表", "Back to the activities"),
    ("activity.back_to_one", "返回活动", "Back to the activity"),
    ("activity.edit", "修改活动", "Change the activity"),
    ("activity.area", "所属社区", "Community"),
    ("activity.area_search", "搜索社区", "Search a community"),
    ("activity.starts_at", "开始时间", "Starts"),
    ("activity.ends_at", "结束时间", "Ends"),
    ("activity.ends_hint", "须在开始后一周内", "Within a week of the start"),
    ("activity.capacity", "名额", "Places"),
    ("activity.capacity_hint", "报满后的报名进入候补", "Sign-ups beyond it wait for a place"),
    ("activity.credit_minutes", "记录时长（分钟）", "Credited time (minutes)"),
    (
        "activity.credit_hint",
        "签到并签退后记入时间银行，不超过活动时长",
        "Credited to the time bank on check-out; at most the activity's length",
    ),
    ("activity.description", "活动说明", "Description"),
    ("activity.save_draft", "保存为草稿", "Save as a draft"),
    // The activity
    ("activity.places_text", "已报名 {confirmed}/{capacity}，候补 {waiting}", "{confirmed}/{capacity} signed up, {waiting} waiting"),
    ("activity.note", "说明（选填）", "Note (optional)"),
    (
        "activity.cancel_confirm",
        "取消后报名者会收到通知，活动不能再恢复。确认取消？",
        "Everyone signed up is told, and it cannot be restored. Call it off?",
    ),
    ("activity.finish_confirm", "结束后签到记录即为最终结果。确认结束？", "Attendance becomes final once finished. Finish it?"),
    ("activity.code", "签到码", "Check-in code"),
    ("activity.code_show", "显示签到码", "Show the code"),
    ("activity.code_hide", "收起签到码", "Hide the code"),
    (
        "activity.code_hint",
        "在现场显示签到码，志愿者在手机上输入即可签到、签退；签到码每分钟更换。",
        "Show the code on site; volunteers type it on their phones to check in and out. It changes every minute.",
    ),
    ("activity.code_changes", "更换时间：", "Changes at: "),
    // Sign-ups
    ("signup.title", "报名与签到", "Sign-ups and attendance"),
    ("signup.none", "还没有人报名", "Nobody has signed up yet"),
    (
        "signup.totals",
        "已报名 {confirmed} 人，候补 {waiting} 人，已签到 {attended} 人",
        "{confirmed} signed up, {waiting} waiting, {attended} attended",
    ),
    ("signup.name", "姓名", "Name"),
    ("signup.status", "报名状态", "Status"),
    ("signup.waiting_n", "候补第 {n} 位", "Waiting, {n} in line"),
    ("signup.checked_in", "签到", "Checked in"),
    ("signup.checked_out", "签退", "Checked out"),
    ("signup.credit", "时长", "Hours"),
    ("signup.credited", "已记入", "Credited"),
    ("signup.revoked", "已撤回", "Taken back"),
    ("signup.not_credited", "未记入", "Not credited"),
    ("signup.check_in", "签到", "Check in"),
    ("signup.check_out", "签退", "Check out"),
    ("signup.cancel", "取消报名", "Cancel the sign-up"),
    ("signup.cancel_confirm", "确认取消该报名？名额将让给候补第一位。", "Cancel it? The place goes to the first one waiting."),
    ("signup.cancel_yes", "确认取消", "Yes, cancel"),
    ("signup.cancel_no", "不取消", "Keep it"),
    ("signup.revoke", "撤回时长", "Take the hours back"),
    (
        "signup.revoke_confirm",
        "将冲正这次记入的时长，志愿者账户会扣回。",
        "The credited hours are reversed and leave the volunteer's account.",
    ),
    ("signup.revoke_reason", "撤回原因", "Why they are taken back"),
    ("signup.revoke_yes", "确认撤回", "Take them back"),
    // The roster (志愿者名册)
    ("nav.volunteers", "志愿者名册", "Volunteers"),
    ("roster.search", "搜索志愿者姓名", "Search by name"),
    ("roster.all", "全部志愿者", "All volunteers"),
    ("roster.only_active", "仅活跃志愿者", "Active only"),
    ("roster.only_inactive", "仅近 90 天未服务", "Not served in 90 days"),
    ("roster.sort", "排序", "Order"),
    ("roster.sort_hours", "服务时长从多到少", "Most hours first"),
    ("roster.sort_last_served", "最近服务在前", "Latest service first"),
    ("roster.sort_name", "按姓名", "By name"),
    ("roster.last_served", "最近服务", "Last served"),
    ("roster.active", "活跃", "Active"),
    ("roster.is_active", "活跃", "Active"),
    ("roster.is_inactive", "未活跃", "Inactive"),
    ("roster.phone", "手机号", "Phone"),
    (
        "roster.totals",
        "共 {n} 名志愿者，其中活跃 {active} 名，累计服务 {hours} 小时",
        "{n} volunteers, {active} active, {hours} h served in all",
    ),
    ("roster.none", "没有符合条件的志愿者", "No volunteers match"),
    ("roster.back", "返回志愿者名册", "Back to the volunteers"),
    // Volunteers
    ("volunteer.back", "返回志愿者档案", "Back to the profile"),
    ("volunteer.no_star", "未评星", "No star yet"),
    ("volunteer.star", "星级", "Star level"),
    ("volunteer.area", "所属社区", "Community"),
    ("volunteer.served", "累计服务时长", "Hours served"),
    ("volunteer.minutes_balance", "时间银行余额", "Time-bank balance"),
    ("volunteer.points_balance", "积分余额", "Points balance"),
    ("volunteer.activities", "参加活动", "Activities attended"),
    ("volunteer.needs", "服务需求", "Needs served"),
    ("volunteer.to_next", "距{star}还差 {hours} 小时", "{hours} h to go to {star}"),
    ("volunteer.records", "服务记录", "Service record"),
    ("volunteer.no_records", "还没有服务记录", "Nothing served yet"),
    ("volunteer.served_at", "日期", "Date"),
    ("volunteer.record_kind", "类型", "Kind"),
    ("volunteer.record_title", "内容", "What"),
    ("volunteer.minutes", "时长", "Time"),
    ("volunteer.certificate", "志愿服务证明", "Certificate of volunteer service"),
    ("volunteer.print", "打印证明", "Print"),
    ("volunteer.number", "编号：", "No. "),
    ("volunteer.name", "姓名", "Name"),
];

#[cfg(test)]
mod tests {
    /// Every code of `T` has a message under `prefix`, so no code reaches the screen.
    fn unlabelled<T: shared::Code>(prefix: &str) -> Vec<&'static str> {
        T::ALL
            .iter()
            .map(|v| v.as_str())
            .filter(|code| !crate::common::messages::all().any(|(k, _, _)| k.strip_prefix(prefix) == Some(*code)))
            .collect()
    }

    #[test]
    fn every_activity_ledger_and_shop_code_has_a_name() {
        assert_eq!(unlabelled::<shared::ActivityStatus>("astatus."), Vec::<&str>::new());
        assert_eq!(unlabelled::<shared::ActivityAction>("aaction."), Vec::<&str>::new());
        assert_eq!(unlabelled::<shared::SignupStatus>("signup."), Vec::<&str>::new());
        assert_eq!(unlabelled::<shared::HolderKind>("holder."), Vec::<&str>::new());
        assert_eq!(unlabelled::<shared::TransferKind>("mtransfer."), Vec::<&str>::new());
        assert_eq!(unlabelled::<shared::ShopOrderStatus>("morder."), Vec::<&str>::new());
    }
}
