//! The workbench's part of the message table (工作台), in the `(key, 中文, English)` shape of
//! [`crate::common::messages::MESSAGES`].

/// Messages of the workbench page and the menu badges.
pub const WORKBENCH_MESSAGES: &[(&str, &str, &str)] = &[
    ("nav.workbench", "工作台", "Workbench"),
    ("wb.submitted", "待受理", "To accept"),
    ("wb.accepted", "待派单", "To dispatch"),
    ("wb.dispatched", "待接单", "Awaiting claim"),
    ("wb.overdue", "已超时", "Overdue"),
    ("wb.due_today", "今日到期", "Due today"),
    ("wb.my_tasks", "我的任务", "My tasks"),
    ("wb.tile_hint", "打开筛选后的列表", "Open the filtered list"),
    ("wb.due_heading", "今日到期", "Due today"),
    ("wb.due_empty", "今天没有到期的需求。", "Nothing falls due today."),
    ("wb.tasks_heading", "我的任务", "My tasks"),
    ("wb.tasks_empty", "暂时没有派给您的任务。", "Nothing is dispatched to you."),
    ("wb.more", "查看全部", "See all"),
    ("wb.actions", "快捷操作", "Quick actions"),
    ("wb.open_queue", "需求工单", "Needs queue"),
    ("wb.open_overdue", "超时督办", "Overdue board"),
    ("wb.open_tasks", "我的任务", "My tasks"),
    ("wb.badge_title", "待处理数量", "Waiting"),
    // The audit entry a reveal of a need's contact writes (see needs::contact).
];
