//! Words of the neighbourhood pages (身边服务 · 社区服务与场所), in the `(key, 中文, English)` shape of
//! [`crate::common::messages::MESSAGES`].

/// Messages of `/m/nearby` and `/public/nearby`; [`crate::common::messages::all`] chains them in.
pub const NEARBY_MESSAGES: &[(&str, &str, &str)] = &[
    ("nearby.title", "身边服务", "Nearby"),
    ("nearby.hint", "为你所在社区服务的项目和场所，离你最近的在前", "Services and spaces serving your community, nearest first"),
    ("nearby.public_link", "服务场所", "Services"),
    ("nearby.public_title", "社区服务与场所", "Community services and spaces"),
    (
        "nearby.public_intro",
        "选择一个社区，查看为它服务的项目和场所（步行时间从社区中心算起）",
        "Pick a community to see the services and spaces serving it (walking time from the community centre)",
    ),
    ("nearby.community", "社区", "Community"),
    ("nearby.pick_community", "请选择社区", "Pick a community"),
    ("nearby.all_communities", "全部社区", "All communities"),
    ("nearby.pick_first", "先选择一个社区。", "Pick a community first."),
    ("nearby.category", "类别", "Category"),
    ("nearby.all_categories", "全部类别", "All categories"),
    ("nearby.kind", "类型", "Type"),
    ("nearby.all_kinds", "全部", "All"),
    ("nearby.services", "服务项目", "Services"),
    ("nearby.spaces", "服务场所", "Spaces"),
    ("nearby.service", "服务", "Service"),
    ("nearby.space", "场所", "Space"),
    ("nearby.walk_before", "步行约 ", "About "),
    ("nearby.walk_after", " 分钟", " min walk"),
    ("nearby.no_distance", "距离未知", "Distance unknown"),
    ("state.no_nearby", "这里还没有为本社区服务的项目或场所。", "Nothing serves this community yet."),
];
