//! Words for codes: the label a reader sees for each code of the vocabularies that leave the
//! platform in exports (statuses, kinds, target groups, modes…), in Chinese and English. One table
//! for the server's exports and the dashboard, so both say the same word for the same code.

use crate::{
    Attainment, AuditAction, AuditEntity, Channel, Code, CostKind, KpiAttribute, Lang, NeedStatus, PersonKind, ProgramStatus, ProviderKind,
    QuestionKind, ResourceKind, Role, ServiceMode, SpaceKind, TargetGroup, TimeSlot, Urgency,
};

/// A code with a label in each language.
pub trait Labelled: Code {
    /// `(中文, English)`.
    fn labels(self) -> (&'static str, &'static str);

    /// The label in `lang`.
    fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.labels())
    }

    /// The value a code or a label in either language names (what an export wrote, read back by an import).
    fn from_label(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL.iter().copied().find(|v| {
            let (zh, en) = v.labels();
            v.as_str() == text || zh == text || en.eq_ignore_ascii_case(text)
        })
    }
}

macro_rules! labels {
    ($($ty:ident { $($variant:ident => $zh:literal, $en:literal;)+ })+) => {$(
        impl Labelled for $ty {
            fn labels(self) -> (&'static str, &'static str) {
                match self { $($ty::$variant => ($zh, $en),)+ }
            }
        }
    )+};
}

labels! {
    Role {
        PlatformAdmin => "平台管理员", "Platform admin";
        DistrictAdmin => "区县管理员", "District admin";
        StreetStaff => "街道工作人员", "Street staff";
        CommunityStaff => "社区工作者", "Community worker";
        GridWorker => "网格员", "Grid worker";
        Provider => "服务提供方", "Service provider";
        Volunteer => "志愿者", "Volunteer";
        Resident => "居民", "Resident";
        Integration => "第三方系统", "Integration";
        Merchant => "商户", "Merchant";
    }
    NeedStatus {
        Submitted => "已提交", "Submitted";
        Returned => "退回补充", "Returned";
        Accepted => "已受理", "Accepted";
        Dispatched => "已派单", "Dispatched";
        Claimed => "已接单", "Claimed";
        InProgress => "办理中", "In progress";
        Resolved => "已办结", "Resolved";
        Rated => "已评价", "Rated";
        Closed => "已关闭", "Closed";
        Rejected => "不予受理", "Rejected";
        Cancelled => "已撤销", "Cancelled";
    }
    Urgency {
        Normal => "一般", "Normal";
        Urgent => "紧急", "Urgent";
        Emergency => "特急", "Emergency";
    }
    Channel {
        MiniProgram => "小程序", "Mini program";
        Web => "网页", "Web";
        Phone => "电话", "Phone";
        Visit => "上门走访", "Home visit";
        GridPatrol => "网格巡查", "Grid patrol";
    }
    AuditEntity {
        Area => "区域", "Area";
        User => "用户", "User";
        Need => "需求", "Need";
        NeedDeadline => "需求时限", "Need deadlines";
        Program => "共建项目", "Program";
        Plan => "批量派单方案", "Batch plan";
        Provider => "服务主体", "Provider";
        Service => "服务", "Service";
        Person => "服务人员", "Service person";
        Space => "服务阵地", "Service space";
        CatalogueEntry => "项目库条目", "Catalogue entry";
        KpiTarget => "指标目标", "Indicator target";
        KpiReport => "指标填报", "Indicator report";
        Topic => "协商议题", "Topic";
        ConsultationSettings => "协商设置", "Consultation settings";
        Survey => "问卷", "Survey";
        LedgerTransfer => "时间银行/积分转账", "Ledger transfer";
        LedgerRules => "积分与时间银行规则", "Ledger rules";
        NeedTimePayment => "需求时长支付方式", "Who pays a need's hours";
        GiftOffer => "时长转赠", "Gift of hours";
        ShopItem => "积分商品", "Shop item";
        Notification => "站内信", "Notification";
        NotificationPreferences => "通知设置", "Notification settings";
        ResidentBinding => "小程序绑定", "Mini-program binding";
        IntegrationClient => "接入应用", "Integration client";
        Webhook => "事件推送", "Webhook";
        Activity => "志愿活动", "Volunteer activity";
    }
    AuditAction {
        Create => "新建", "Create";
        Update => "修改", "Update";
        Set => "设置", "Set";
        Apply => "应用", "Apply";
        Report => "填报", "Report";
        AddPhoto => "添加照片", "Add photo";
        RevealContact => "查看联系方式", "Contact revealed";
        RecordDecision => "记录协商决定", "Record decision";
        Transfer => "转账", "Transfer";
        Reverse => "冲正", "Reverse";
        Replay => "重新推送", "Replay";
        Test => "测试推送", "Test";
        Read => "标为已读", "Mark read";
        ReadAll => "全部标为已读", "Mark all read";
        SignUp => "注册", "Sign up";
        UpdateProfile => "修改资料", "Update profile";
        ChangePhone => "更换手机号", "Change phone";
        DeleteAccount => "注销账号", "Delete account";
        VerifyResidence => "居住认证通过", "Residence verified";
        RefuseResidence => "居住认证不通过", "Residence refused";
        SetTargetGroups => "设置目标群体", "Target groups set";
        RotateSecret => "轮换密钥", "Rotate secret";
        Revoke => "吊销", "Revoke";
        Bind => "绑定", "Bind";
        Unbind => "解除绑定", "Unbind";
        Edit => "编辑", "Edit";
        Open => "开启", "Open";
        Answer => "作答", "Answer";
        AddPartner => "添加合作方", "Add partner";
        AddPledge => "添加认捐", "Add pledge";
        AddDelivery => "登记交付", "Add delivery";
        AddMilestone => "添加节点", "Add milestone";
        UpdateMilestone => "修改节点", "Update milestone";
        AddSpend => "登记支出", "Add spend";
        Submit => "提交", "Submit";
        Accept => "受理", "Accept";
        Return => "退回", "Return";
        Resubmit => "重新提交", "Resubmit";
        Reject => "不予受理", "Reject";
        Dispatch => "派单", "Dispatch";
        Claim => "接单", "Claim";
        Decline => "拒绝", "Decline";
        ClaimTimeout => "接单超时", "Claim timed out";
        Start => "开始", "Start";
        Resolve => "办结", "Resolve";
        Rate => "评价", "Rate";
        ReturnVisit => "回访", "Return visit";
        Object => "异议", "Object";
        Reopen => "重新办理", "Reopen";
        Close => "关闭", "Close";
        Escalate => "吹哨上报", "Escalate";
        Withdraw => "撤回", "Withdraw";
        Approve => "批准", "Approve";
        SendBack => "退回修改", "Send back";
        Complete => "完成", "Complete";
        Evaluate => "评估", "Evaluate";
        Suspend => "暂停", "Suspend";
        Resume => "恢复", "Resume";
        Cancel => "取消", "Cancel";
        Propose => "提出议题", "Propose";
        Publish => "公示", "Publish";
        Cosign => "联署", "Co-sign";
        File => "立案", "File";
        Refer => "提交上级", "Refer up";
        Convene => "召开协商会", "Convene";
        Decide => "形成决定", "Decide";
        PublishResult => "结果公示", "Publish result";
        Implement => "落实", "Implement";
        OpenReview => "开始评议", "Open review";
        Finish => "结束", "Finish";
    }
    ProgramStatus {
        Draft => "草稿", "Draft";
        Submitted => "待审核", "Submitted";
        Approved => "已批准", "Approved";
        InProgress => "实施中", "In progress";
        Completed => "已完成", "Completed";
        Evaluated => "已评估", "Evaluated";
        Suspended => "已暂停", "Suspended";
        Cancelled => "已终止", "Cancelled";
    }
    ResourceKind {
        Funds => "资金", "Funds";
        Talent => "人才", "Talent";
        Materials => "物资", "Materials";
        Technology => "技术", "Technology";
    }
    ProviderKind {
        SocialOrganisation => "社会组织", "Social organisation";
        SocialWorkAgency => "社工机构", "Social work agency";
        VolunteerTeam => "志愿服务队", "Volunteer team";
        PartyOrganisation => "党组织", "Party organisation";
        ResidentUnit => "驻区单位", "Resident unit";
        Enterprise => "企业", "Enterprise";
        Charity => "慈善组织", "Charity";
        PropertyManagement => "物业服务企业", "Property management";
        GovernmentDepartment => "政府部门", "Government department";
    }
    PersonKind {
        Volunteer => "志愿者", "Volunteer";
        PartyMember => "报到党员", "Party member (reported)";
        SocialWorker => "社会工作者", "Social worker";
    }
    CostKind {
        Free => "免费", "Free";
        LowCost => "低偿", "Low cost";
        Market => "市场价", "Market price";
    }
    ServiceMode {
        OnSite => "到站服务", "On site";
        AtHome => "上门服务", "At home";
        Online => "线上服务", "Online";
    }
    SpaceKind {
        Elderly => "养老服务空间", "Elderly care";
        Minors => "未成年人服务空间", "Minors";
        Health => "健康服务空间", "Health";
        Education => "教育服务空间", "Education";
        Employment => "创业就业空间", "Jobs and start-ups";
        Fitness => "全民健身空间", "Fitness";
        Convenience => "便民服务空间", "Convenience services";
    }
    TargetGroup {
        Elderly => "老年人", "Elderly";
        ElderlyLivingAlone => "空巢独居老人", "Elderly living alone";
        Disabled => "残疾人", "People with disabilities";
        ChildrenInDifficulty => "困境儿童", "Children in difficulty";
        LeftBehindChildren => "农村留守儿童", "Left-behind children";
        Infants => "婴幼儿", "Infants";
        LowIncome => "低保对象", "Minimum-income households";
        ExtremelyPoor => "特困人员", "Extremely poor";
        Veterans => "退役军人", "Veterans";
        CommunityCorrections => "社区矫正对象", "Under community corrections";
    }
    QuestionKind {
        SingleChoice => "单选", "Single choice";
        MultipleChoice => "多选", "Multiple choice";
        Scale => "量表 1–5", "Scale 1–5";
        Number => "数值", "Number";
        Text => "文字", "Text";
    }
    Attainment {
        Met => "已达标", "Met";
        OnTrack => "进度正常", "On track";
        AtRisk => "有风险", "At risk";
        Missed => "未达标", "Missed";
        NoTarget => "无目标", "No target";
        NoData => "无数据", "No data";
    }
    KpiAttribute {
        Binding => "约束性", "Binding";
        Expected => "预期性", "Expected";
    }
}

const WEEKDAYS: [(&str, &str); 7] =
    [("周一", "Mon"), ("周二", "Tue"), ("周三", "Wed"), ("周四", "Thu"), ("周五", "Fri"), ("周六", "Sat"), ("周日", "Sun")];

/// 周一 / Mon for 1–7 (Monday first); an out-of-range day is shown as its number.
pub fn weekday_label(day: u8, lang: Lang) -> String {
    WEEKDAYS.get(usize::from(day).wrapping_sub(1)).map_or_else(|| day.to_string(), |pair| lang.pick(*pair).to_owned())
}

/// The day 1–7 a weekday label (either language) or number names.
pub fn weekday_from_label(text: &str) -> Option<u8> {
    let text = text.trim();
    if let Ok(day) = text.parse::<u8>() {
        return (1..=7).contains(&day).then_some(day);
    }
    WEEKDAYS.iter().position(|(zh, en)| *zh == text || en.eq_ignore_ascii_case(text)).map(|i| i as u8 + 1)
}

/// A week's slots as text; neighbouring days with the same hours share one entry:
/// `周一至周五 08:30–17:30；周六 09:00–12:00` / `Mon–Fri 08:30–17:30; Sat 09:00–12:00`.
pub fn schedule_text(slots: &[TimeSlot], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let hours_of = |day: u8| {
        let mut day_slots: Vec<&TimeSlot> = slots.iter().filter(|s| s.weekday == day).collect();
        day_slots.sort_by(|a, b| a.start.cmp(&b.start));
        day_slots.iter().map(|s| format!("{}–{}", s.start, s.end)).collect::<Vec<_>>().join(", ")
    };
    let week: Vec<String> = (1..=7).map(hours_of).collect();
    let mut parts = Vec::new();
    let mut start = 0;
    while start < week.len() {
        let mut end = start;
        while end + 1 < week.len() && week[end + 1] == week[start] {
            end += 1;
        }
        if !week[start].is_empty() {
            let (first, last) = (weekday_label(start as u8 + 1, lang), weekday_label(end as u8 + 1, lang));
            let days = match end - start {
                0 => first,
                1 => format!("{first}{}{last}", if zh { "、" } else { ", " }),
                _ => format!("{first}{}{last}", if zh { "至" } else { "–" }),
            };
            parts.push(format!("{days} {}", week[start]));
        }
        start = end + 1;
    }
    parts.join(if zh { "；" } else { "; " })
}

/// Reads what [`schedule_text`] writes (either language) and the import's short form
/// `1-5 08:30-17:30; 6 09:00-12:00`: parts split by `;`, each days (a range with 至/–/-, or a list
/// with 、/,) then time ranges; `None` when any part is not understood.
pub fn schedule_from_text(text: &str) -> Option<Vec<TimeSlot>> {
    let mut slots = Vec::new();
    for part in text.split([';', '；']).map(str::trim).filter(|p| !p.is_empty()) {
        let colon = part.find(':')?;
        let times_at = part[..colon].trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (days, times) = part.split_at(times_at);
        let days = days.trim();
        let range: Vec<&str> = days.split(['至', '–', '-']).map(str::trim).collect();
        let days: Vec<u8> = match range.as_slice() {
            [first, last] => {
                let (first, last) = (weekday_from_label(first)?, weekday_from_label(last)?);
                if first > last {
                    return None;
                }
                (first..=last).collect()
            }
            [list] => list.split(['、', ',', '，']).map(weekday_from_label).collect::<Option<_>>()?,
            _ => return None,
        };
        for range in times.split([',', '，']).map(str::trim) {
            let (start, end) = range.split_once(['–', '-'])?;
            for &weekday in &days {
                slots.push(TimeSlot { weekday, start: start.trim().into(), end: end.trim().into() });
            }
        }
    }
    Some(slots)
}

/// An indicator's unit in `lang`: the catalogue writes units in Chinese; a unit without an English
/// word (`%`, `m²`) is shown as written.
pub fn unit_label(unit: &str, lang: Lang) -> &str {
    if lang == Lang::Zh {
        return unit;
    }
    match unit {
        "小时" => "h",
        "人" => "people",
        "人/万人" => "per 10k residents",
        "个/千人" => "per 1,000 residents",
        "件/千人" => "per 1,000 residents",
        "个/社区" => "per community",
        "m²/百户" => "m² per 100 households",
        other => other,
    }
}

/// Decimals a value of `unit` is shown with: shares and hours one, area per 100 households two,
/// other rates one, head counts none.
pub fn unit_decimals(unit: &str) -> u8 {
    match unit {
        "%" | "小时" => 1,
        "m²/百户" => 2,
        u if u.contains('/') => 1,
        _ => 0,
    }
}

/// 是/否 or Yes/No.
pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    lang.pick(if value { ("是", "Yes") } else { ("否", "No") })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_label_is_distinct_and_read_back<T: Labelled>() {
        for v in T::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!v.label(lang).is_empty());
                assert_eq!(T::from_label(v.label(lang)), Some(*v), "{}", v.label(lang));
            }
            assert_eq!(T::from_label(v.as_str()), Some(*v));
        }
    }

    #[test]
    fn every_code_of_every_labelled_vocabulary_reads_back_from_its_labels() {
        every_label_is_distinct_and_read_back::<ProgramStatus>();
        every_label_is_distinct_and_read_back::<ResourceKind>();
        every_label_is_distinct_and_read_back::<ProviderKind>();
        every_label_is_distinct_and_read_back::<PersonKind>();
        every_label_is_distinct_and_read_back::<CostKind>();
        every_label_is_distinct_and_read_back::<ServiceMode>();
        every_label_is_distinct_and_read_back::<SpaceKind>();
        every_label_is_distinct_and_read_back::<TargetGroup>();
        every_label_is_distinct_and_read_back::<QuestionKind>();
        every_label_is_distinct_and_read_back::<Attainment>();
        every_label_is_distinct_and_read_back::<KpiAttribute>();
        every_label_is_distinct_and_read_back::<Role>();
        every_label_is_distinct_and_read_back::<NeedStatus>();
        every_label_is_distinct_and_read_back::<Urgency>();
        every_label_is_distinct_and_read_back::<Channel>();
        every_label_is_distinct_and_read_back::<AuditEntity>();
        every_label_is_distinct_and_read_back::<AuditAction>();
    }

    #[test]
    fn a_week_reads_as_day_ranges_in_either_language() {
        let slot = |weekday, start: &str, end: &str| TimeSlot { weekday, start: start.into(), end: end.into() };
        let mut week: Vec<TimeSlot> = (1..=5).map(|d| slot(d, "08:30", "17:30")).collect();
        week.push(slot(6, "09:00", "12:00"));
        assert_eq!(schedule_text(&week, Lang::Zh), "周一至周五 08:30–17:30；周六 09:00–12:00");
        assert_eq!(schedule_text(&week, Lang::En), "Mon–Fri 08:30–17:30; Sat 09:00–12:00");
        assert_eq!(schedule_text(&[slot(1, "08:30", "17:30")], Lang::Zh), "周一 08:30–17:30");
        for lang in [Lang::Zh, Lang::En] {
            let mut read = schedule_from_text(&schedule_text(&week, lang)).expect("readable");
            read.sort_by_key(|s| s.weekday);
            assert_eq!(read, week, "{lang:?}");
        }
        let two = schedule_from_text("周一、周三 08:00–12:00, 14:00–17:00").expect("readable");
        assert_eq!(two.len(), 4);
        assert_eq!(schedule_from_text("1-2 08:30-17:30; 6 09:00-12:00").expect("short form").len(), 3);
        assert!(schedule_from_text("8 09:00-10:00").is_none());
        assert!(schedule_from_text("mornings").is_none());
        assert_eq!(weekday_from_label("周日"), Some(7));
        assert_eq!(weekday_from_label("mon"), Some(1));
        assert_eq!(weekday_from_label("8"), None);
        assert_eq!(yes_no(true, Lang::En), "Yes");
    }
}
