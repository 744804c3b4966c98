//! 项目汇总 · 按下级区域: the roll-up's sums for each child area — a bar per area (its programs, with
//! how much of the budget is spent), a table whose columns sort, each row opening the same roll-up's
//! program list for that area, and a CSV of exactly the rows shown (台账).

use leptos::prelude::*;
use shared::ChildProgramRollup;

use crate::common::api::{File, ProgramFilter};
use crate::common::chart::{BarRow, HBarChart};
use crate::common::download::save_file;
use crate::common::format::money;
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::Empty;
use crate::messages::Key;
use crate::programs::bits::Money;
use crate::programs::filters::filter_url;

/// The columns a click sorts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildSort {
    Name,
    Programs,
    Budget,
    Spent,
    Overdue,
}

/// Rows in the chosen order: numbers largest first, names A→Z; `reversed` turns it round.
pub fn sorted(mut rows: Vec<ChildProgramRollup>, by: ChildSort, reversed: bool) -> Vec<ChildProgramRollup> {
    rows.sort_by(|a, b| {
        let order = match by {
            ChildSort::Name => a.area.name.cmp(&b.area.name),
            ChildSort::Programs => b.programs.cmp(&a.programs),
            ChildSort::Budget => b.budget_fen.cmp(&a.budget_fen),
            ChildSort::Spent => b.spent_fen.cmp(&a.spent_fen),
            ChildSort::Overdue => b.overdue_milestones.cmp(&a.overdue_milestones),
        };
        let order = if reversed { order.reverse() } else { order };
        order.then_with(|| a.area.id.cmp(&b.area.id))
    });
    rows
}

/// Share of the budget spent, in percent, when there is a budget.
fn spent_pct(r: &ChildProgramRollup) -> Option<f64> {
    (r.budget_fen > 0).then(|| (r.spent_fen as f64 * 1000.0 / r.budget_fen as f64).round() / 10.0)
}

/// RFC 4180 CSV with a byte-order mark (Excel then reads the Chinese), headers in `header`'s words.
pub fn csv(header: &[String], rows: &[ChildProgramRollup]) -> String {
    let cell = |s: &str| if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() };
    let mut out = String::from("\u{feff}");
    out.push_str(&header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for r in rows {
        let yuan = |fen: i64| format!("{:.2}", fen as f64 / 100.0);
        let line = [
            cell(&r.area.name),
            r.programs.to_string(),
            r.completed.to_string(),
            yuan(r.budget_fen),
            yuan(r.spent_fen),
            spent_pct(r).map(|p| p.to_string()).unwrap_or_default(),
            r.overdue_milestones.to_string(),
        ];
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

const COLUMNS: [(ChildSort, Key, &str); 5] = [
    (ChildSort::Name, k!("rollup.child_area"), ""),
    (ChildSort::Programs, k!("rollup.child_programs"), "num"),
    (ChildSort::Budget, k!("program.budget"), "num"),
    (ChildSort::Spent, k!("spend.title"), "num"),
    (ChildSort::Overdue, k!("rollup.overdue"), "num"),
];

#[component]
pub fn RollupByChild(rows: Vec<ChildProgramRollup>) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! {
            <section class="panel" data-testid="rollup-children"><h3>{tr(k!("rollup.by_child"))}</h3><Empty key=k!("rollup.no_children")/></section>
        }
        .into_any();
    }
    let by = RwSignal::new((ChildSort::Programs, false));
    let all = StoredValue::new(rows);
    let shown = move || {
        let (column, reversed) = by.get();
        all.with_value(|rows| sorted(rows.clone(), column, reversed))
    };
    let chart = move || {
        let bars = shown()
            .iter()
            .map(|r| BarRow {
                label: r.area.name.clone(),
                value: Some(r.programs as f64),
                text: match spent_pct(r) {
                    Some(p) => i18n.t(k!("rollup.bar_text")).replace("{n}", &r.programs.to_string()).replace("{p}", &p.to_string()),
                    None => r.programs.to_string(),
                },
                colour: if r.overdue_milestones > 0 { "var(--bad)" } else { "var(--accent)" },
            })
            .collect();
        view! { <HBarChart rows=bars target=None label=i18n.t(k!("rollup.by_child"))/> }
    };
    let export = move |_| {
        let header: Vec<String> = [
            k!("rollup.child_area"),
            k!("rollup.child_programs"),
            k!("rollup.child_completed"),
            k!("rollup.budget_yuan"),
            k!("rollup.spent_yuan"),
            k!("rollup.spent_pct"),
            k!("rollup.overdue"),
        ]
        .iter()
        .map(|k| i18n.t(*k).to_owned())
        .collect();
        let file = File {
            bytes: csv(&header, &shown()).into_bytes(),
            content_type: "text/csv;charset=utf-8".into(),
            name: Some(format!("{}.csv", i18n.t(k!("rollup.by_child")))),
        };
        let _ = save_file(&file, "rollup.csv");
    };
    let header = move |column: ChildSort, key: Key, class: &'static str| {
        let mark = move || match by.get() {
            (b, false) if b == column => " ▾",
            (b, true) if b == column => " ▴",
            _ => "",
        };
        view! {
            <th class=class>
                <button type="button" class="th-sort" data-testid="rollup-child-sort" data-column=key.name()
                    on:click=move |_| by.update(|(b, r)| if *b == column { *r = !*r } else { (*b, *r) = (column, false) })>
                    {tr(key)}{mark}
                </button>
            </th>
        }
    };
    view! {
        <section class="panel rollup-children" data-testid="rollup-children">
            <div class="section-head">
                <h3>{tr(k!("rollup.by_child"))}</h3>
                <button type="button" class="btn btn-small" data-testid="rollup-child-export" on:click=export>{tr(k!("rollup.export"))}</button>
            </div>
            {chart}
            <div class="table-wrap">
                <table class="table" data-testid="rollup-child-table">
                    <thead><tr>{COLUMNS.into_iter().map(|(c, k, class)| header(c, k, class)).collect_view()}</tr></thead>
                    <tbody>
                        {move || shown().into_iter().map(|r| {
                            let list = filter_url(&ProgramFilter { area_id: Some(r.area.id), ..Default::default() });
                            let kind = r.area.kind;
                            view! {
                                <tr data-testid="rollup-child" data-area-id=r.area.id data-programs=r.programs>
                                    <td><a href=list>{r.area.name.clone()}</a>" "<span class="tree-kind">{move || i18n.kind(kind)}</span></td>
                                    <td class="num">{r.programs}<span class="muted small">{format!(" ({})", r.completed)}</span></td>
                                    <td class="num"><Money fen=r.budget_fen/></td>
                                    <td class="num" title=money(r.spent_fen)><Money fen=r.spent_fen/>
                                        {spent_pct(&r).map(|p| view! { <span class="muted small">{format!(" {p}%")}</span> })}</td>
                                    <td class="num" class:due-over={r.overdue_milestones > 0}>{r.overdue_milestones}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="muted small">{tr(k!("rollup.child_hint"))}</p>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::{AreaKind, ChildArea};

    fn row(id: i64, name: &str, programs: i64, budget_fen: i64, spent_fen: i64) -> ChildProgramRollup {
        ChildProgramRollup {
            area: ChildArea { id, name: name.into(), kind: AreaKind::Street },
            programs,
            completed: 0,
            budget_fen,
            spent_fen,
            overdue_milestones: 0,
        }
    }

    #[test]
    fn columns_sort_largest_first_and_turn_round() {
        let rows = vec![row(1, "乙", 1, 100, 0), row(2, "甲", 3, 50, 10), row(3, "丙", 2, 0, 0)];
        let ids = |rs: Vec<ChildProgramRollup>| rs.iter().map(|r| r.area.id).collect::<Vec<_>>();
        assert_eq!(ids(sorted(rows.clone(), ChildSort::Programs, false)), [2, 3, 1]);
        assert_eq!(ids(sorted(rows.clone(), ChildSort::Programs, true)), [1, 3, 2]);
        assert_eq!(ids(sorted(rows, ChildSort::Budget, false)), [1, 2, 3]);
    }

    #[test]
    fn the_csv_has_numbers_excel_can_sum_and_quotes_what_needs_it() {
        let header = vec!["区域".to_owned(), "项目数".to_owned()];
        let text = csv(&header, &[row(1, "西兴街道, 东片", 2, 123_456, 23_456)]);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\"西兴街道, 东片\",2,0,1234.56,234.56,19,0\r\n"), "{text}");
    }
}
