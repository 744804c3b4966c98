//! Demo co-building programs drawn from what seed 004 (完整社区建设案例集) says each pilot community did.
//! Figures (budgets, pledges) are plausible where the case book gives none; where it gives a number
//! (e.g. 加装电梯 N 部, 受益 N 人), the pledges and milestones use it.
//!
//! Partner names are descriptive ("某电梯安装企业") or government departments of the right city;
//! contacts are fictional and the phone numbers (137000000xx) are obviously fake.

pub struct DemoProgram {
    /// Exact community name from communities.rs.
    pub community: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// 牵头单位 (e.g. "缤纷社区党委", "长河街道办事处" — use the real street/community names).
    pub lead_org: &'static str,
    /// Catalogue item codes from 2025.json, 1–3 each.
    pub items: &'static [&'static str],
    /// Offsets in days from "today" (negative = past) for start and end.
    pub start_offset_days: i64,
    pub end_offset_days: i64,
    pub budget_yuan: i64,
    /// Target status: "draft" | "submitted" | "approved" | "in_progress" | "completed" | "evaluated" — spread them.
    pub status: &'static str,
    pub partners: &'static [DemoPartner],
    /// (title, due offset days (some in the past, some in the future), weight, done)
    pub milestones: &'static [(&'static str, i64, i32, bool)],
    /// (purpose, amount yuan, offset days in the past as a negative number)
    pub spends: &'static [(&'static str, i64, i64)],
    /// For evaluated programs: (score 0–100, "self_assessment" | "third_party" | "residents", comment)
    pub evaluation: Option<(i32, &'static str, &'static str)>,
}

pub struct DemoPartner {
    pub name: &'static str,
    /// "resident_unit" | "social_organization" | "enterprise" | "expert" | "charity" | "government_department"
    pub kind: &'static str,
    pub role: &'static str,
    /// Fictional contact (e.g. "陈经理", "13700000001") — personal data, so obviously fake numbers.
    pub contact_name: &'static str,
    pub contact_phone: &'static str,
    pub pledges: &'static [DemoPledge],
}

pub struct DemoPledge {
    /// "funds" | "talent" | "materials" | "technology"
    pub kind: &'static str,
    pub description: &'static str,
    /// funds/technology: yuan; materials: value in yuan (may be 0 if unknown)
    pub amount_yuan: i64,
    /// talent only
    pub people: i64,
    pub person_days: f64,
    /// materials only
    pub quantity: f64,
    pub unit: &'static str,
    /// Share of the pledge delivered so far, 0.0–1.0 (only used for programs approved or later).
    pub delivered_share: f64,
}

/// A pledge of money (yuan).
const fn funds(description: &'static str, amount_yuan: i64, delivered_share: f64) -> DemoPledge {
    DemoPledge { kind: "funds", description, amount_yuan, people: 0, person_days: 0.0, quantity: 0.0, unit: "", delivered_share }
}

/// A pledge of technology or a technical service, valued in yuan.
const fn technology(description: &'static str, amount_yuan: i64, delivered_share: f64) -> DemoPledge {
    DemoPledge { kind: "technology", description, amount_yuan, people: 0, person_days: 0.0, quantity: 0.0, unit: "", delivered_share }
}

/// A pledge of people's time: how many people, how many person-days in all.
const fn talent(description: &'static str, people: i64, person_days: f64, delivered_share: f64) -> DemoPledge {
    DemoPledge { kind: "talent", description, amount_yuan: 0, people, person_days, quantity: 0.0, unit: "", delivered_share }
}

/// A pledge of goods: a quantity in a unit, and its value in yuan (0 when unknown).
const fn materials(description: &'static str, quantity: f64, unit: &'static str, amount_yuan: i64, delivered_share: f64) -> DemoPledge {
    DemoPledge { kind: "materials", description, amount_yuan, people: 0, person_days: 0.0, quantity, unit, delivered_share }
}

pub const PROGRAMS: &[DemoProgram] = &[
    // 1. 缤纷社区 — 加装电梯: seed lines 72, 119 ("浙江首个既有住宅加装电梯全覆盖社区"). The book
    // gives no count of lifts; 30 台 is a plausible figure.
    DemoProgram {
        community: "缤纷社区",
        title: "既有多层住宅加装电梯全覆盖",
        description: "针对拆迁安置小区楼栋没有电梯、老人出行不便的问题，推进既有多层住宅加装电梯并同步实施适老化改造，建成浙江首个既有住宅加装电梯全覆盖社区。",
        lead_org: "西兴街道办事处",
        items: &["2.3.1", "3.4.2"],
        start_offset_days: -540,
        end_offset_days: -60,
        budget_yuan: 18_000_000,
        status: "evaluated",
        partners: &[
            DemoPartner {
                name: "杭州市滨江区住房和城乡建设局",
                kind: "government_department",
                role: "加装电梯财政补助与审批指导",
                contact_name: "周科长",
                contact_phone: "13700000001",
                pledges: &[funds("加装电梯财政补助资金", 6_000_000, 1.0)],
            },
            DemoPartner {
                name: "缤纷小区加装电梯业主代表小组",
                kind: "resident_unit",
                role: "楼栋意愿征集与居民自筹资金",
                contact_name: "徐阿姨",
                contact_phone: "13700000002",
                pledges: &[
                    funds("各楼栋业主按楼层分摊的自筹资金", 9_000_000, 1.0),
                    talent("楼栋长协调签字与施工期间邻里沟通", 12, 120.0, 1.0),
                ],
            },
            DemoPartner {
                name: "某电梯安装企业",
                kind: "enterprise",
                role: "电梯供货、安装与维保",
                contact_name: "陈经理",
                contact_phone: "13700000003",
                pledges: &[materials("加装电梯整机及井道钢结构", 30.0, "台", 12_600_000, 1.0)],
            },
            DemoPartner {
                name: "滨江区社区规划师团队",
                kind: "expert",
                role: "加装方案设计与适老化改造指导",
                contact_name: "林工",
                contact_phone: "13700000004",
                pledges: &[technology("加装电梯方案设计与管线迁改论证", 360_000, 1.0)],
            },
        ],
        milestones: &[
            ("完成楼栋排查与居民加装意愿征集", -500, 15, true),
            ("首批楼栋加装电梯开工", -400, 25, true),
            ("全部多层住宅完成加装电梯", -90, 45, true),
            ("竣工验收与维保移交", -70, 15, true),
        ],
        spends: &[("加装电梯设计与监理费", 420_000, -480), ("电梯加装工程进度款", 6_200_000, -380), ("竣工验收检测费", 120_000, -70)],
        evaluation: Some((92, "third_party", "全部多层住宅完成加装，老人上下楼难题基本解决；建议尽快明确后续维保费用分摊办法。")),
    },
    // 2. 缤纷社区 — 80 岁以上老人爱心餐: seed line 71 ("开展公益助老项目，为 80 岁以上老人提供
    // 爱心餐"); 助餐 is one of the 邻里聚 nine centres (line 82). Meal counts are plausible.
    DemoProgram {
        community: "缤纷社区",
        title: "80岁以上高龄老人爱心餐",
        description: "开展公益助老项目，为社区80岁以上老人提供爱心餐，依托“邻里聚”饮食服务中心供餐，行动不便的老人由志愿者送餐上门。",
        lead_org: "缤纷社区联合党委",
        items: &["2.3.1", "3.4.2"],
        start_offset_days: -150,
        end_offset_days: 215,
        budget_yuan: 360_000,
        status: "in_progress",
        partners: &[
            DemoPartner {
                name: "杭州市滨江区慈善总会",
                kind: "charity",
                role: "爱心餐餐费补贴",
                contact_name: "沈秘书长",
                contact_phone: "13700000005",
                pledges: &[funds("高龄老人爱心餐餐费补贴", 200_000, 0.4)],
            },
            DemoPartner {
                name: "某社区助餐服务中心",
                kind: "social_organization",
                role: "中央厨房配餐与营养搭配",
                contact_name: "郑主任",
                contact_phone: "13700000006",
                pledges: &[materials("爱心营养午餐", 20_000.0, "份", 300_000, 0.35)],
            },
            DemoPartner {
                name: "缤纷社区“缤豆”志愿者服务队",
                kind: "resident_unit",
                role: "送餐上门与就餐陪伴",
                contact_name: "吴队长",
                contact_phone: "13700000007",
                pledges: &[talent("志愿者每日送餐上门（可兑换缤豆积分）", 25, 600.0, 0.3)],
            },
        ],
        milestones: &[
            ("摸排80岁以上老人名单与就餐需求", -130, 20, true),
            ("爱心餐首批供餐", -100, 30, true),
            ("开通送餐上门服务", -20, 25, false),
            ("半年服务评估与菜单调整", 60, 25, false),
        ],
        spends: &[("保温餐箱与送餐车采购", 12_000, -110), ("爱心餐食材与配送费用", 85_000, -60)],
        evaluation: None,
    },
    // 3. 临汾路380弄社区 — "数字小屋"不打烊服务区: seed lines 196, 251.
    DemoProgram {
        community: "临汾路380弄社区",
        title: "“数字小屋”24小时不打烊服务区",
        description: "利用闲置用房打造“数字小屋”，整合“一网通办”自助机、公用事业费一体缴费机、AI诊所、数字图书馆、共享打印机等设施，向居民24小时开放。",
        lead_org: "临汾路街道办事处",
        items: &["2.3.7", "3.4.2"],
        start_offset_days: -420,
        end_offset_days: -45,
        budget_yuan: 850_000,
        status: "completed",
        partners: &[
            DemoPartner {
                name: "静安区临汾路街道社区事务受理服务中心",
                kind: "government_department",
                role: "“一网通办”自助终端接入与事项配置",
                contact_name: "顾老师",
                contact_phone: "13700000008",
                pledges: &[technology("“一网通办”自助机事项接入与调试", 80_000, 1.0)],
            },
            DemoPartner {
                name: "某医疗科技企业",
                kind: "enterprise",
                role: "AI诊所设备投放与运维",
                contact_name: "钱经理",
                contact_phone: "13700000009",
                pledges: &[materials("AI诊所自助问诊设备", 1.0, "套", 150_000, 1.0)],
            },
            DemoPartner {
                name: "临汾路380弄数字助老志愿队",
                kind: "resident_unit",
                role: "指导老年居民使用自助设备",
                contact_name: "杨阿姨",
                contact_phone: "13700000010",
                pledges: &[talent("每周值守并手把手教老人使用自助设备", 10, 200.0, 1.0)],
            },
        ],
        milestones: &[
            ("闲置用房改造完成", -330, 35, true),
            ("自助机、缴费机、AI诊所等设备进场", -200, 35, true),
            ("24小时开放试运行", -60, 30, true),
        ],
        spends: &[("闲置用房装修改造", 320_000, -320), ("便民自助设备采购", 280_000, -210)],
        evaluation: None,
    },
    // 4. 民主村社区 — 加装电梯 22 部: seed line 343 (居民对加装电梯意愿强烈 … 加装电梯 22 部).
    DemoProgram {
        community: "民主村社区",
        title: "老旧住宅加装电梯22部",
        description: "针对居民对加装电梯的强烈意愿，结合民主村片区更新在老旧住宅加装电梯22部，方便老年居民上下楼。",
        lead_org: "谢家湾街道办事处",
        items: &["2.3.1"],
        start_offset_days: -300,
        end_offset_days: 180,
        budget_yuan: 12_100_000,
        status: "in_progress",
        partners: &[
            DemoPartner {
                name: "九龙坡区住房和城乡建设委员会",
                kind: "government_department",
                role: "加装电梯补助资金与质量监管",
                contact_name: "刘科长",
                contact_phone: "13700000011",
                pledges: &[funds("老旧住宅加装电梯补助资金", 4_400_000, 0.4)],
            },
            DemoPartner {
                name: "某电梯安装企业",
                kind: "enterprise",
                role: "电梯供货与安装",
                contact_name: "何经理",
                contact_phone: "13700000012",
                pledges: &[materials("加装电梯整机", 22.0, "部", 9_900_000, 0.36)],
            },
            DemoPartner {
                name: "民主村加装电梯业主代表",
                kind: "resident_unit",
                role: "单元业主协商与自筹资金",
                contact_name: "罗大爷",
                contact_phone: "13700000013",
                pledges: &[funds("各单元业主自筹资金", 3_300_000, 0.4)],
            },
            DemoPartner {
                name: "“三师进社区”规划设计团队",
                kind: "expert",
                role: "驻场调研与加装方案设计",
                contact_name: "唐工",
                contact_phone: "13700000014",
                pledges: &[talent("规划师、建筑师、工程师驻场设计与答疑", 6, 90.0, 0.6)],
            },
        ],
        milestones: &[
            ("22部电梯选址确认与业主签字", -260, 15, true),
            ("首批8部电梯完成安装", -120, 30, true),
            ("第二批14部电梯完成安装（累计22部）", -15, 40, false),
            ("22部电梯全部竣工验收", 150, 15, false),
        ],
        spends: &[("加装电梯设计费", 300_000, -240), ("首批8部电梯工程款", 4_200_000, -110)],
        evaluation: None,
    },
    // 5. 民主村社区 — "云上民主村"小程序: seed lines 345, 414–416 (九大应用场景, 30 余项线上功能).
    DemoProgram {
        community: "民主村社区",
        title: "“云上民主村”数字化管理服务平台",
        description: "建设“云上民主村”小程序，创建“渝快智治”“渝见邻里”“山水宜居”等九大应用场景和30余项线上功能，居民可查询停车余位并一键预约家庭医生、物业维修等服务。",
        lead_org: "民主村社区党委",
        items: &["1.2.1", "2.3.7"],
        start_offset_days: -480,
        end_offset_days: -120,
        budget_yuan: 600_000,
        status: "evaluated",
        partners: &[
            DemoPartner {
                name: "某城市更新公司",
                kind: "enterprise",
                role: "平台建设出资与商圈资源对接",
                contact_name: "冉经理",
                contact_phone: "13700000015",
                pledges: &[funds("平台建设资金", 300_000, 1.0)],
            },
            DemoPartner {
                name: "某软件开发企业",
                kind: "enterprise",
                role: "小程序开发与运维",
                contact_name: "邓工",
                contact_phone: "13700000016",
                pledges: &[technology("小程序开发及九大应用场景搭建", 250_000, 1.0)],
            },
            DemoPartner {
                name: "民主村社区“中坚居民”志愿队",
                kind: "resident_unit",
                role: "线上报点巡查与老人使用帮办",
                contact_name: "黄阿姨",
                contact_phone: "13700000017",
                pledges: &[talent("老党员、积极分子帮助居民注册使用", 15, 150.0, 1.0)],
            },
        ],
        milestones: &[
            ("居民需求调研与九大应用场景设计", -430, 20, true),
            ("小程序上线30余项线上功能", -300, 40, true),
            ("接入停车场余位与环境监测数据", -200, 25, true),
            ("居民使用培训", -150, 15, true),
        ],
        spends: &[("小程序开发尾款", 180_000, -290), ("环境监测与车位感知设备", 95_000, -210)],
        evaluation: Some((88, "residents", "居民普遍认为一键预约家庭医生、物业维修方便；部分老年居民仍需线下帮办。")),
    },
    // 6. 牡丹社区 — 智慧养老服务平台: seed lines 490, 497 (智能手环 43 名独居老人, 一键呼叫 120);
    // 12 项上门服务 at line 495.
    DemoProgram {
        community: "牡丹社区",
        title: "牡丹社区智慧养老服务平台",
        description: "搭建智慧养老信息平台并接入应急救援服务端口，为43名独居老人配备智能手环监测心率、血压，老人可一键呼叫救援或视频呼叫平台预约送餐、助浴等上门服务。",
        lead_org: "牡丹社区党委",
        items: &["2.3.1", "2.3.3"],
        start_offset_days: -240,
        end_offset_days: 125,
        budget_yuan: 780_000,
        status: "in_progress",
        partners: &[
            DemoPartner {
                name: "沈阳市皇姑区民政局",
                kind: "government_department",
                role: "政府购买居家养老上门服务",
                contact_name: "赵科长",
                contact_phone: "13700000018",
                pledges: &[funds("助餐、助浴、助洁等12项上门服务购买资金", 360_000, 0.5)],
            },
            DemoPartner {
                name: "某智能穿戴设备企业",
                kind: "enterprise",
                role: "智能手环供货与数据接入",
                contact_name: "孙经理",
                contact_phone: "13700000019",
                pledges: &[materials("独居老人智能手环", 43.0, "只", 34_400, 1.0), technology("手环体征数据接入养老平台", 60_000, 0.8)],
            },
            DemoPartner {
                name: "牡丹社区居家养老服务中心",
                kind: "social_organization",
                role: "平台派单与上门服务",
                contact_name: "马主任",
                contact_phone: "13700000020",
                pledges: &[talent("护理员、助餐员接单上门服务", 8, 480.0, 0.45)],
            },
        ],
        milestones: &[
            ("平台搭建并接入应急救援端口", -200, 30, true),
            ("为43名独居老人配发智能手环", -150, 25, true),
            ("12项上门服务全部接入平台派单", -30, 25, false),
            ("独居老人满意度回访", 90, 20, false),
        ],
        spends: &[("智慧养老平台软件部署", 150_000, -190), ("应急呼叫坐席运营费", 48_000, -40)],
        evaluation: None,
    },
    // 7. 牡丹社区 — 幸福教育课堂: seed lines 488, 511 (自习室、书法室, 航空实验小学名师开设航空特色课).
    DemoProgram {
        community: "牡丹社区",
        title: "幸福教育课堂航空特色课",
        description: "围绕“孩子课后有人管、兴趣爱好有人培养”的需求，设置自习室、书法室，联合社会组织和志愿者聘请航空实验小学名师开设航空特色课。",
        lead_org: "牡丹社区居民委员会",
        items: &["2.3.4", "2.3.2"],
        start_offset_days: -20,
        end_offset_days: 260,
        budget_yuan: 150_000,
        status: "approved",
        partners: &[
            DemoPartner {
                name: "航空实验小学名师团队",
                kind: "expert",
                role: "航空特色课与航模课授课",
                contact_name: "曲老师",
                contact_phone: "13700000021",
                pledges: &[talent("名师每周开设航空特色课", 3, 60.0, 0.05)],
            },
            DemoPartner {
                name: "沈阳市皇姑区慈善会",
                kind: "charity",
                role: "课堂器材捐赠",
                contact_name: "于秘书",
                contact_phone: "13700000022",
                pledges: &[materials("航模套件与书法用品", 120.0, "套", 36_000, 0.3)],
            },
            DemoPartner {
                name: "皇姑区青少年公益服务社",
                kind: "social_organization",
                role: "课后自习看护与志愿服务",
                contact_name: "姜社工",
                contact_phone: "13700000023",
                pledges: &[talent("大学生志愿者课后自习看护", 10, 200.0, 0.0)],
            },
        ],
        milestones: &[
            ("航空特色课首期开课", -5, 30, false),
            ("自习室与书法室启用", 30, 30, false),
            ("学期成果展示与家长评议", 240, 40, false),
        ],
        spends: &[("航模器材首批采购", 18_000, -10)],
        evaluation: None,
    },
    // 8. 公园社区 — 幸福食堂: seed line 615 (每天约 120 人次, 累计 1.1 万人次); 引入社会资本运营
    // 养老食堂 at line 617.
    DemoProgram {
        community: "公园社区",
        title: "幸福食堂老年助餐",
        description: "针对社区老年人的就餐需求配建幸福食堂，引入社会资本运营，每天约120人次就餐，累计提供服务1.1万人次。",
        lead_org: "公园社区综合党委",
        items: &["2.3.1", "3.4.4"],
        start_offset_days: -450,
        end_offset_days: -30,
        budget_yuan: 1_200_000,
        status: "completed",
        partners: &[
            DemoPartner {
                name: "九江市柴桑区民政局",
                kind: "government_department",
                role: "老年助餐补贴",
                contact_name: "熊科长",
                contact_phone: "13700000024",
                pledges: &[funds("老年人助餐补贴资金", 300_000, 1.0)],
            },
            DemoPartner {
                name: "某餐饮服务企业",
                kind: "enterprise",
                role: "幸福食堂社会化运营",
                contact_name: "万经理",
                contact_phone: "13700000025",
                pledges: &[funds("厨房设备与装修投资", 450_000, 1.0), materials("老年助餐餐次", 11_000.0, "人次", 0, 1.0)],
            },
            DemoPartner {
                name: "公园社区“义+亲”志愿服务队",
                kind: "resident_unit",
                role: "就餐引导与上门送餐",
                contact_name: "胡大姐",
                contact_phone: "13700000026",
                pledges: &[talent("志愿者轮值就餐引导、为行动不便老人送餐", 12, 240.0, 1.0)],
            },
        ],
        milestones: &[
            ("食堂选址与用房改造", -380, 30, true),
            ("幸福食堂开业（每天约120人次就餐）", -300, 40, true),
            ("累计服务1.1万人次", -40, 30, true),
        ],
        spends: &[("食堂用房改造", 380_000, -370), ("助餐补贴发放", 260_000, -150)],
        evaluation: None,
    },
    // 9. 月安社区 — 智慧养老综合信息系统: seed lines 705, 736, 799 (时间银行、紧急呼叫、家庭养老
    // 床位管理等模块); 银发睦邻服务团 at line 815.
    DemoProgram {
        community: "月安社区",
        title: "智慧养老综合信息系统",
        description: "配置时间银行运营、紧急呼叫、指挥调度、家庭养老床位管理、养老服务大数据等功能模块，实现养老服务统一标准、统一调度、统一监管。",
        lead_org: "兴隆街道办事处",
        items: &["2.3.1", "2.1.1"],
        start_offset_days: -180,
        end_offset_days: 180,
        budget_yuan: 1_500_000,
        status: "in_progress",
        partners: &[
            DemoPartner {
                name: "南京市建邺区民政局",
                kind: "government_department",
                role: "系统建设资金与养老服务标准指导",
                contact_name: "蒋科长",
                contact_phone: "13700000027",
                pledges: &[funds("智慧养老系统建设专项资金", 800_000, 0.6)],
            },
            DemoPartner {
                name: "某养老信息化服务企业",
                kind: "enterprise",
                role: "系统开发部署与数据对接",
                contact_name: "韩工",
                contact_phone: "13700000028",
                pledges: &[technology("系统开发及与智慧社区平台数据对接", 500_000, 0.5)],
            },
            DemoPartner {
                name: "月安社区银发睦邻服务团",
                kind: "resident_unit",
                role: "时间银行志愿服务与老人信息采集",
                contact_name: "钱老师",
                contact_phone: "13700000029",
                pledges: &[talent("老党员老干部入户采集信息、参与时间银行互助", 20, 300.0, 0.4)],
            },
        ],
        milestones: &[
            ("确认功能模块需求（时间银行、紧急呼叫等）", -150, 20, true),
            ("系统部署上线", -60, 35, true),
            ("家庭养老床位与服务商接入", -10, 25, false),
            ("统一调度与监管试运行评估", 150, 20, false),
        ],
        spends: &[("系统开发首付款", 250_000, -140), ("紧急呼叫终端采购", 90_000, -50)],
        evaluation: None,
    },
    // 10. 月安社区 — 口袋公园与三人制篮球场 (10 分钟体育健身圈): seed lines 735, 784 (the book shows
    // only 效果图 at lines 790, 795, so it is planned here, not built).
    DemoProgram {
        community: "月安社区",
        title: "口袋公园与三人制篮球场（10分钟体育健身圈）",
        description: "利用“金角银边”建设口袋公园、社区文化走廊和室外健身路径，推动百姓健身房和三人制篮球场建设，形成10分钟体育健身圈。",
        lead_org: "月安社区党委",
        items: &["2.3.6", "1.2.2"],
        start_offset_days: 45,
        end_offset_days: 300,
        budget_yuan: 2_200_000,
        status: "draft",
        partners: &[
            DemoPartner {
                name: "南京市建邺区体育局",
                kind: "government_department",
                role: "全民健身设施补助",
                contact_name: "沈科长",
                contact_phone: "13700000030",
                pledges: &[funds("三人制篮球场与百姓健身房补助", 700_000, 0.0)],
            },
            DemoPartner {
                name: "某体育器材企业",
                kind: "enterprise",
                role: "健身器材捐赠与安装",
                contact_name: "曹经理",
                contact_phone: "13700000031",
                pledges: &[materials("室外健身路径器材", 24.0, "件", 96_000, 0.0)],
            },
            DemoPartner {
                name: "月安社区社区规划师",
                kind: "expert",
                role: "口袋公园方案设计",
                contact_name: "许工",
                contact_phone: "13700000032",
                pledges: &[technology("口袋公园与篮球场方案设计", 120_000, 0.0)],
            },
        ],
        milestones: &[
            ("方案公示与居民意见征集", 60, 20, false),
            ("口袋公园与文化走廊施工", 180, 40, false),
            ("三人制篮球场与百姓健身房建成", 280, 40, false),
        ],
        spends: &[],
        evaluation: None,
    },
    // 11. 八古墩社区 — "三个一点"平改坡: seed lines 865, 890, 918 (居民群众出资一点、财政支持一点、
    // 辖区单位帮扶一点).
    DemoProgram {
        community: "八古墩社区",
        title: "“三个一点”平改坡解决屋顶漏水",
        description: "社区组织居民召开议事会，通过居民群众出资一点、财政支持一点、辖区单位帮扶一点的方式实施“平改坡”项目，解决老旧小区屋顶漏水问题。",
        lead_org: "八古墩社区党委",
        items: &["1.2.1", "1.2.2"],
        start_offset_days: -400,
        end_offset_days: -20,
        budget_yuan: 1_600_000,
        status: "completed",
        partners: &[
            DemoPartner {
                name: "老旧小区楼栋居民",
                kind: "resident_unit",
                role: "居民出资一点、参与施工监督",
                contact_name: "程大爷",
                contact_phone: "13700000033",
                pledges: &[funds("居民自筹平改坡资金", 300_000, 1.0), talent("居民代表轮值监督施工", 8, 80.0, 1.0)],
            },
            DemoPartner {
                name: "武汉市江汉区房管局",
                kind: "government_department",
                role: "财政支持一点",
                contact_name: "汪科长",
                contact_phone: "13700000034",
                pledges: &[funds("老旧小区改造财政资金", 1_000_000, 1.0)],
            },
            DemoPartner {
                name: "辖区共建单位",
                kind: "enterprise",
                role: "辖区单位帮扶一点",
                contact_name: "彭主任",
                contact_phone: "13700000035",
                pledges: &[funds("共建单位帮扶资金", 200_000, 1.0)],
            },
            DemoPartner {
                name: "社区青年设计师团队",
                kind: "expert",
                role: "坡屋面方案设计",
                contact_name: "饶工",
                contact_phone: "13700000036",
                pledges: &[technology("平改坡结构与防水方案设计", 60_000, 1.0)],
            },
        ],
        milestones: &[
            ("居民议事会确定“三个一点”出资方案", -360, 20, true),
            ("平改坡施工", -150, 50, true),
            ("竣工验收与防水质保交接", -40, 30, true),
        ],
        spends: &[("平改坡工程款", 1_150_000, -160), ("防水闭水试验与验收", 40_000, -40)],
        evaluation: None,
    },
    // 12. 金科园社区 — 适老化与无障碍改造、加装电梯 22 台: seed lines 982, 988 (扶手 365 米、
    // 楼道折叠椅 366 个), 1020 (加装电梯 22 台); 社区发展专项基金 and 安和社工 at line 1038.
    DemoProgram {
        community: "金科园社区",
        title: "适老化无障碍改造与加装电梯22台",
        description: "面向占总人口近30%的老年人，加装电梯22台，新增公共区域扶手365米、楼道折叠椅366个，建设无障碍低位柜台和无障碍卫生间，并引导家庭开展居家适老化改造。",
        lead_org: "沙子塘街道办事处",
        items: &["2.3.1", "3.4.2"],
        start_offset_days: -600,
        end_offset_days: -90,
        budget_yuan: 14_000_000,
        status: "evaluated",
        partners: &[
            DemoPartner {
                name: "长沙市雨花区民政局",
                kind: "government_department",
                role: "适老化改造补助",
                contact_name: "邹科长",
                contact_phone: "13700000037",
                pledges: &[funds("居家适老化与无障碍改造补助", 1_200_000, 1.0)],
            },
            DemoPartner {
                name: "某电梯安装企业",
                kind: "enterprise",
                role: "加装电梯供货安装",
                contact_name: "雷经理",
                contact_phone: "13700000038",
                pledges: &[materials("加装电梯整机", 22.0, "台", 11_000_000, 1.0)],
            },
            DemoPartner {
                name: "金科园社区发展专项基金",
                kind: "charity",
                role: "困难老人、残疾人家庭改造兜底",
                contact_name: "谭会计",
                contact_phone: "13700000039",
                pledges: &[funds("困难家庭无障碍改造资助", 150_000, 1.0), materials("楼道折叠座椅", 366.0, "个", 73_200, 1.0)],
            },
            DemoPartner {
                name: "安和社工",
                kind: "social_organization",
                role: "入户评估与“三员”监督组织",
                contact_name: "易社工",
                contact_phone: "13700000040",
                pledges: &[talent("社工入户评估居家适老化需求", 5, 150.0, 1.0)],
            },
        ],
        milestones: &[
            ("公共区域扶手365米、楼道折叠椅366个安装", -450, 25, true),
            ("无障碍低位柜台与无障碍卫生间建成", -380, 15, true),
            ("加装电梯22台完工", -150, 45, true),
            ("居家适老化改造入户指导", -100, 15, true),
        ],
        spends: &[("扶手与折叠座椅采购安装", 210_000, -460), ("加装电梯工程款", 9_800_000, -200), ("无障碍设施改造", 320_000, -380)],
        evaluation: Some((90, "third_party", "扶手、折叠椅和电梯覆盖全部楼栋，老人出行明显便利；“三员”全程监督，居民认可度高。")),
    },
    // 13. 镇河塔社区 — "2+2+3+4"家门口就业创业服务圈、2 个就业帮扶车间: seed lines 1097, 1122.
    DemoProgram {
        community: "镇河塔社区",
        title: "家门口就业帮扶车间",
        description: "在小区内建设2个就业帮扶车间，联合灵武市就业创业服务中心设立劳务工作站，让无法外出的搬迁群众在家门口稳定就业，实现有劳动力家庭至少1人就业。",
        lead_org: "镇河塔社区党总支",
        items: &["2.3.5", "3.3.3"],
        start_offset_days: -210,
        end_offset_days: 150,
        budget_yuan: 900_000,
        status: "in_progress",
        partners: &[
            DemoPartner {
                name: "灵武市就业创业服务中心",
                kind: "government_department",
                role: "劳务工作站与岗位推荐",
                contact_name: "马科长",
                contact_phone: "13700000041",
                pledges: &[funds("就业帮扶车间补助资金", 300_000, 0.6), talent("就业指导员驻站服务", 3, 180.0, 0.5)],
            },
            DemoPartner {
                name: "某来料加工企业",
                kind: "enterprise",
                role: "帮扶车间订单与加工原料",
                contact_name: "杨经理",
                contact_phone: "13700000042",
                pledges: &[materials("来料加工原料与订单", 50_000.0, "件", 250_000, 0.4)],
            },
            DemoPartner {
                name: "某职业技能培训学校",
                kind: "social_organization",
                role: "搬迁群众务工技能培训",
                contact_name: "丁老师",
                contact_phone: "13700000043",
                pledges: &[talent("家门口职业技能培训", 4, 80.0, 0.5)],
            },
        ],
        milestones: &[
            ("2个就业帮扶车间建成投用", -170, 30, true),
            ("劳务工作站开展岗位推荐", -120, 20, true),
            ("入户调研有劳动力家庭就业需求", -40, 25, false),
            ("实现有劳动力家庭至少1人就业", 140, 25, false),
        ],
        spends: &[("帮扶车间场地改造", 220_000, -190), ("技能培训场地与耗材", 30_000, -60)],
        evaluation: None,
    },
    // 14. 海纳尔社区 — 百姓大食堂与 800 平方米日间照料中心, 委托一家社会机构运营、以盈利设施
    // 反哺公益设施: seed lines 1248, 1257, 1274, 1354–1356.
    DemoProgram {
        community: "海纳尔社区",
        title: "百姓大食堂与老年人日间照料中心",
        description: "将原烟厂老年活动中心改造为“百姓大食堂”，新建800平方米日间照料中心并与卫生服务中心同楼设置，委托一家社会机构运营，以食堂盈利反哺日间照料。",
        lead_org: "团结街街道办事处",
        items: &["2.3.1", "3.4.3"],
        start_offset_days: -520,
        end_offset_days: -25,
        budget_yuan: 3_800_000,
        status: "completed",
        partners: &[
            DemoPartner {
                name: "奎屯市民政局",
                kind: "government_department",
                role: "养老服务设施专项补助",
                contact_name: "艾科长",
                contact_phone: "13700000044",
                pledges: &[funds("日间照料中心建设补助", 1_500_000, 1.0)],
            },
            DemoPartner {
                name: "某社会化养老运营机构",
                kind: "social_organization",
                role: "食堂、日间照料与卫生服务中心一体运营",
                contact_name: "古丽主任",
                contact_phone: "13700000045",
                pledges: &[funds("运营方自筹设备投入", 400_000, 1.0), talent("厨师、护理员运营服务", 12, 1_800.0, 1.0)],
            },
            DemoPartner {
                name: "海纳尔社区居民",
                kind: "resident_unit",
                role: "居民自筹与“雪莲工作室”志愿服务",
                contact_name: "阿依古丽",
                contact_phone: "13700000046",
                pledges: &[funds("小区居民自筹资金", 100_000, 1.0)],
            },
        ],
        milestones: &[
            ("原烟厂老年活动中心改造为百姓大食堂", -400, 30, true),
            ("800平方米日间照料中心建成", -250, 40, true),
            ("委托社会机构一体化运营", -60, 30, true),
        ],
        spends: &[("百姓大食堂改造工程", 900_000, -390), ("日间照料中心装修与设备", 1_600_000, -260)],
        evaluation: None,
    },
    // 15. 海纳尔社区 — 远传阀控水表、智能燃气表与智慧物业 APP: seed lines 1250, 1340; 1 360 户
    // from line 1221; 管线专营单位责任 at line 1354.
    DemoProgram {
        community: "海纳尔社区",
        title: "智能水表燃气表与智慧物业APP",
        description: "为1360户居民安装远传阀控水表和智能燃气表，搭建智慧物业APP，实现水、电、燃气线上缴费和报事报修动态上报。",
        lead_org: "海纳尔社区居民委员会",
        items: &["2.3.7", "1.2.1"],
        start_offset_days: 30,
        end_offset_days: 240,
        budget_yuan: 1_100_000,
        status: "submitted",
        partners: &[
            DemoPartner {
                name: "某燃气公司（管线专营单位）",
                kind: "enterprise",
                role: "智能燃气表供货与安装",
                contact_name: "买经理",
                contact_phone: "13700000047",
                pledges: &[materials("智能燃气表", 1_360.0, "块", 408_000, 0.0)],
            },
            DemoPartner {
                name: "某供水公司（管线专营单位）",
                kind: "enterprise",
                role: "远传阀控水表供货与安装",
                contact_name: "吐尔逊经理",
                contact_phone: "13700000048",
                pledges: &[materials("远传阀控水表", 1_360.0, "块", 340_000, 0.0)],
            },
            DemoPartner {
                name: "某物业服务企业",
                kind: "enterprise",
                role: "智慧物业APP搭建与运维",
                contact_name: "李经理",
                contact_phone: "13700000049",
                pledges: &[technology("智慧物业APP与城市运行管理服务平台对接", 150_000, 0.0)],
            },
        ],
        milestones: &[
            ("入户摸排1360户表具现状", 45, 20, false),
            ("远传阀控水表与智能燃气表安装", 180, 50, false),
            ("智慧物业APP上线缴费与报修", 230, 30, false),
        ],
        spends: &[],
        evaluation: None,
    },
];

#[cfg(test)]
mod tests {
    use super::super::communities::COMMUNITIES;
    use super::*;
    use std::collections::BTreeSet;

    const STATUSES: [&str; 6] = ["draft", "submitted", "approved", "in_progress", "completed", "evaluated"];
    const PARTNER_KINDS: [&str; 6] = ["resident_unit", "social_organization", "enterprise", "expert", "charity", "government_department"];
    const RESOURCE_KINDS: [&str; 4] = ["funds", "talent", "materials", "technology"];
    const EVALUATORS: [&str; 3] = ["self_assessment", "third_party", "residents"];

    /// Programs at or past approval: they have spending, deliveries and (maybe) overdue milestones.
    fn approved_or_later(p: &DemoProgram) -> bool {
        !matches!(p.status, "draft" | "submitted")
    }

    /// The item codes (the third level) of the 2025 catalogue.
    fn catalogue_item_codes() -> BTreeSet<String> {
        let catalogue: serde_json::Value =
            serde_json::from_str(include_str!("../../data/catalogue/2025.json")).expect("the catalogue is JSON");
        let mut codes = BTreeSet::new();
        let directions = catalogue["directions"].as_array().expect("directions is a list");
        for direction in directions {
            let sections = direction["sections"].as_array().expect("sections is a list");
            for section in sections {
                let items = section["items"].as_array().expect("items is a list");
                for item in items {
                    codes.insert(item["code"].as_str().expect("code is text").to_string());
                }
            }
        }
        codes
    }

    #[test]
    fn every_community_name_exists_in_the_demo_communities() {
        for p in PROGRAMS {
            assert!(COMMUNITIES.iter().any(|c| c.name == p.community), "{}: unknown community {}", p.title, p.community);
        }
    }

    #[test]
    fn every_community_has_one_or_two_programs() {
        for c in COMMUNITIES.iter() {
            let n = PROGRAMS.iter().filter(|p| p.community == c.name).count();
            assert!((1..=2).contains(&n), "{} has {n} programs", c.name);
        }
    }

    #[test]
    fn every_item_code_is_a_catalogue_item() {
        let codes = catalogue_item_codes();
        assert!(codes.contains("2.3.1"), "the catalogue parsed");
        for p in PROGRAMS {
            assert!((1..=3).contains(&p.items.len()), "{}", p.title);
            for item in p.items {
                assert!(codes.contains(*item), "{}: no catalogue item {item}", p.title);
            }
            let distinct: BTreeSet<_> = p.items.iter().collect();
            assert_eq!(distinct.len(), p.items.len(), "{}: repeated item", p.title);
        }
    }

    #[test]
    fn titles_are_unique_and_texts_are_not_blank() {
        let titles: BTreeSet<_> = PROGRAMS.iter().map(|p| p.title).collect();
        assert_eq!(titles.len(), PROGRAMS.len());
        for p in PROGRAMS {
            assert!(!p.title.trim().is_empty());
            assert!(!p.description.trim().is_empty(), "{}", p.title);
            assert!(!p.lead_org.trim().is_empty(), "{}", p.title);
        }
    }

    #[test]
    fn dates_and_budgets_are_sensible() {
        for p in PROGRAMS {
            assert!(p.start_offset_days < p.end_offset_days, "{}", p.title);
            assert!(p.budget_yuan > 0, "{}", p.title);
        }
    }

    #[test]
    fn milestone_weights_sum_to_one_hundred() {
        for p in PROGRAMS {
            assert!((2..=5).contains(&p.milestones.len()), "{}", p.title);
            let total: i32 = p.milestones.iter().map(|m| m.2).sum();
            assert_eq!(total, 100, "{}", p.title);
            assert!(p.milestones.iter().all(|m| m.2 > 0), "{}", p.title);
        }
    }

    #[test]
    fn milestones_are_done_only_once_work_has_begun_and_all_done_when_finished() {
        for p in PROGRAMS {
            let any_done = p.milestones.iter().any(|m| m.3);
            let all_done = p.milestones.iter().all(|m| m.3);
            match p.status {
                "draft" | "submitted" | "approved" => assert!(!any_done, "{}", p.title),
                "completed" | "evaluated" => assert!(all_done, "{}", p.title),
                _ => assert!(any_done && !all_done, "{}", p.title),
            }
            // Nothing is done in the future.
            for m in p.milestones.iter().filter(|m| m.3) {
                assert!(m.1 <= 0, "{}: {} done ahead of time", p.title, m.0);
            }
        }
    }

    #[test]
    fn some_milestones_are_overdue_and_some_are_still_ahead() {
        let overdue = PROGRAMS.iter().flat_map(|p| p.milestones.iter()).filter(|m| !m.3 && m.1 < 0).count();
        let ahead = PROGRAMS.iter().flat_map(|p| p.milestones.iter()).filter(|m| m.1 > 0).count();
        assert!(overdue >= 3, "{overdue} overdue milestones");
        assert!(ahead >= 3, "{ahead} future milestones");
    }

    #[test]
    fn statuses_are_from_the_allowed_list_and_spread() {
        for p in PROGRAMS {
            assert!(STATUSES.contains(&p.status), "{}: {}", p.title, p.status);
        }
        let count = |wanted: &[&str]| PROGRAMS.iter().filter(|p| wanted.contains(&p.status)).count();
        assert!(count(&["draft", "submitted"]) >= 2);
        assert!(count(&["in_progress"]) >= 3);
        assert!(count(&["completed"]) >= 2);
        assert!(count(&["evaluated"]) >= 2);
    }

    #[test]
    fn every_evaluated_program_has_an_evaluation_and_no_other_does() {
        for p in PROGRAMS {
            match p.evaluation {
                Some((score, evaluator, comment)) => {
                    assert_eq!(p.status, "evaluated", "{}", p.title);
                    assert!((0..=100).contains(&score), "{}", p.title);
                    assert!(EVALUATORS.contains(&evaluator), "{}: {evaluator}", p.title);
                    assert!(!comment.trim().is_empty(), "{}", p.title);
                }
                None => assert_ne!(p.status, "evaluated", "{}", p.title),
            }
        }
    }

    #[test]
    fn partners_and_pledges_use_the_allowed_kinds() {
        for p in PROGRAMS {
            assert!((2..=4).contains(&p.partners.len()), "{}", p.title);
            let names: BTreeSet<_> = p.partners.iter().map(|x| x.name).collect();
            assert_eq!(names.len(), p.partners.len(), "{}: repeated partner", p.title);
            for partner in p.partners {
                assert!(PARTNER_KINDS.contains(&partner.kind), "{}: {}", partner.name, partner.kind);
                assert!(!partner.role.trim().is_empty(), "{}", partner.name);
                assert!(!partner.contact_name.is_empty(), "{}", partner.name);
                assert!((1..=2).contains(&partner.pledges.len()), "{}", partner.name);
                for pledge in partner.pledges {
                    assert!(RESOURCE_KINDS.contains(&pledge.kind), "{}: {}", partner.name, pledge.kind);
                    assert!(!pledge.description.trim().is_empty(), "{}", partner.name);
                }
            }
        }
    }

    #[test]
    fn contact_phones_are_obviously_fake() {
        for partner in PROGRAMS.iter().flat_map(|p| p.partners.iter()) {
            let phone = partner.contact_phone;
            assert_eq!(phone.len(), 11, "{phone}");
            assert!(phone.starts_with("1370000"), "{phone}");
            assert!(phone.bytes().all(|b| b.is_ascii_digit()), "{phone}");
        }
    }

    #[test]
    fn pledge_quantities_fit_their_kind() {
        for pledge in PROGRAMS.iter().flat_map(|p| p.partners.iter()).flat_map(|x| x.pledges.iter()) {
            let d = pledge.description;
            match pledge.kind {
                "funds" | "technology" => {
                    assert!(pledge.amount_yuan > 0, "{d}");
                    assert!(pledge.people == 0 && pledge.person_days == 0.0, "{d}");
                    assert!(pledge.quantity == 0.0 && pledge.unit.is_empty(), "{d}");
                }
                "talent" => {
                    assert!(pledge.people > 0 && pledge.person_days > 0.0, "{d}");
                    assert!(pledge.amount_yuan == 0 && pledge.quantity == 0.0, "{d}");
                    assert!(pledge.unit.is_empty(), "{d}");
                }
                "materials" => {
                    assert!(pledge.quantity > 0.0 && !pledge.unit.is_empty(), "{d}");
                    assert!(pledge.amount_yuan >= 0, "{d}");
                    assert!(pledge.people == 0 && pledge.person_days == 0.0, "{d}");
                }
                other => panic!("{d}: unknown kind {other}"),
            }
            assert!((0.0..=1.0).contains(&pledge.delivered_share), "{d}");
        }
    }

    #[test]
    fn all_four_resource_kinds_appear() {
        let kinds: BTreeSet<_> =
            PROGRAMS.iter().flat_map(|p| p.partners.iter()).flat_map(|x| x.pledges.iter()).map(|pledge| pledge.kind).collect();
        for kind in RESOURCE_KINDS {
            assert!(kinds.contains(kind), "no {kind} pledge");
        }
    }

    #[test]
    fn nothing_is_delivered_or_spent_before_approval() {
        for p in PROGRAMS.iter().filter(|p| !approved_or_later(p)) {
            assert!(p.spends.is_empty(), "{}", p.title);
            for pledge in p.partners.iter().flat_map(|x| x.pledges.iter()) {
                assert_eq!(pledge.delivered_share, 0.0, "{}", p.title);
            }
        }
    }

    #[test]
    fn spending_is_in_the_past_within_the_program_and_below_budget() {
        for p in PROGRAMS {
            assert!(p.spends.len() <= 3, "{}", p.title);
            let total: i64 = p.spends.iter().map(|s| s.1).sum();
            assert!(total < p.budget_yuan, "{}: spent {total}", p.title);
            for (purpose, amount, offset) in p.spends {
                assert!(*amount > 0, "{}: {purpose}", p.title);
                assert!(*offset < 0, "{}: {purpose} is not in the past", p.title);
                assert!(*offset >= p.start_offset_days, "{}: {purpose} before the start", p.title);
                assert!(!purpose.trim().is_empty(), "{}", p.title);
            }
        }
    }
}
