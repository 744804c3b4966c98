//! 指标 (KPIs): the overview of an area (`/kpis`, [`overview_page`]), one indicator (`/kpis/:code`,
//! [`detail_page`]), reporting a value and the Excel import (`/kpis/report`, `/kpis/import`, [`report_pages`]);
//! their API calls, labels, periods and components.

pub mod breakdown;
pub mod card;
pub mod children;
pub mod detail_head;
pub mod detail_page;
pub mod endpoints;
pub mod head;
pub mod history;
pub mod import;
pub mod labels;
pub mod overview_page;
pub mod period;
pub mod period_picker;
pub mod report_bits;
pub mod report_form;
pub mod report_pages;
pub mod targets;
