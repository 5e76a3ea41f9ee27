//! Charts drawn as SVG for the board papers, from the same data as their Mermaid source.
//!
//! Each chart is one self-contained `<svg>`, 640 wide and as tall as its content, inlined in
//! HTML (several to a page) and rasterised by resvg for Word. So it uses presentation
//! attributes only (resvg ignores CSS), one font stack, and an id derived from its content.
//! Text is measured with DejaVu Sans's advance widths, the widest font of the stack, so a
//! label cut to fit fits in all of them. Record text is hostile: it is cleaned of control
//! and bidi characters and escaped. Coordinates have at most two decimals, never `-0`/`NaN`.

use std::fmt::{self, Write as _};

use crate::config::Language;
use crate::model::Date;
use crate::report::charts::{Chart, ChartKind, Task, TaskState};

/// The width of every chart: an A4 text column when scaled by `max-width: 100%`.
const WIDTH: f64 = 640.0;
const FONT_FAMILY: &str = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
const INK: &str = "#222222";
const MUTED: &str = "#555555";
const GRID: &str = "#DDDDDD";
const AXIS: &str = "#888888";
/// Where a chart's content starts, below its title.
const BODY_TOP: f64 = 40.0;

/// The Okabe–Ito palette (black swapped for grey, blue first), distinguishable with the
/// common colour-vision deficiencies and in greyscale print by neighbouring contrast.
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#56B4E9", "#D55E00", "#CC79A7", "#F0E442", "#999999",
];

const TITLE_FONT: Font = Font {
    size: 15.0,
    bold: true,
};
const LABEL_FONT: Font = Font {
    size: 12.0,
    bold: false,
};
const SMALL_FONT: Font = Font {
    size: 11.0,
    bold: false,
};
const TASK_FONT: Font = Font {
    size: 10.0,
    bold: false,
};
const SECTION_FONT: Font = Font {
    size: 11.0,
    bold: true,
};

/// The chart as one self-contained `<svg>` element.
pub fn render(chart: &Chart, lang: Language) -> String {
    let mut c = Canvas::default();
    let title = fit(&chart.title, TITLE_FONT, WIDTH - 24.0);
    c.text(Label::at(12.0, 24.0, TITLE_FONT).fill(INK), &title);
    let bottom = match &chart.kind {
        ChartKind::Pie { slices } => pie(&mut c, slices, lang),
        ChartKind::Bars {
            y_title,
            bars: values,
            y_max,
        } => bars(&mut c, y_title, values, *y_max),
        ChartKind::Gantt { tasks } => gantt(&mut c, tasks, lang),
    };
    let height = N(bottom.ceil().max(BODY_TOP));
    let title = escape(&clean(&chart.title));
    // Several charts share an HTML page: the id is unique per content, and the same chart
    // drawn twice gets the same id, which keeps the output deterministic.
    let id = format!(
        "isms-chart-{:016x}",
        fnv1a(&[
            title.as_bytes(),
            c.out.as_bytes(),
            height.to_string().as_bytes()
        ])
    );
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" \
         viewBox=\"0 0 {w} {height}\" role=\"img\" aria-labelledby=\"{id}\" \
         font-family=\"{FONT_FAMILY}\">\n<title id=\"{id}\">{title}</title>\n\
         <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{height}\" fill=\"#FFFFFF\"/>\n{}</svg>\n",
        c.out,
        w = N(WIDTH),
    )
}

// ---------------------------------------------------------------------------------------
// Pie

/// Slices from 12 o'clock clockwise, a legend to the right; returns the bottom.
fn pie(c: &mut Canvas, slices: &[(String, u64)], lang: Language) -> f64 {
    const R: f64 = 90.0;
    const ROW: f64 = 22.0;
    let (cx, cy) = (20.0 + R, BODY_TOP + 12.0 + R);
    let total: u128 = slices.iter().map(|(_, n)| u128::from(*n)).sum();
    if total == 0 {
        let _ = writeln!(
            c.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{AXIS}\"/>",
            N(cx),
            N(cy),
            N(R)
        );
    } else if let Some(i) = slices.iter().position(|(_, n)| u128::from(*n) == total) {
        // A path from a point back to itself draws nothing: one whole slice is a circle.
        let _ = writeln!(
            c.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>",
            N(cx),
            N(cy),
            N(R),
            slice_colour(i, slices.len())
        );
    } else {
        let mut before: u128 = 0;
        for (i, (_, n)) in slices.iter().enumerate() {
            if *n == 0 {
                continue;
            }
            let a0 = turn(before, total);
            before += u128::from(*n);
            let a1 = turn(before, total);
            let (x0, y0) = (cx + R * a0.sin(), cy - R * a0.cos());
            let (x1, y1) = (cx + R * a1.sin(), cy - R * a1.cos());
            let large = u8::from(a1 - a0 > std::f64::consts::PI);
            let _ = writeln!(
                c.out,
                "<path d=\"M{} {}L{} {}A{} {} 0 {large} 1 {} {}Z\" fill=\"{}\" \
                 stroke=\"#FFFFFF\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>",
                N(cx),
                N(cy),
                N(x0),
                N(y0),
                N(R),
                N(R),
                N(x1),
                N(y1),
                slice_colour(i, slices.len())
            );
        }
    }

    let counts: Vec<String> = slices.iter().map(|(_, n)| n.to_string()).collect();
    let shares: Vec<String> = whole_percents(slices)
        .into_iter()
        .zip(slices)
        .map(|(p, (_, n))| percent(p, u128::from(*n), total, lang))
        .collect();
    let widest = |texts: &[String]| {
        texts
            .iter()
            .map(|t| LABEL_FONT.width(t))
            .fold(0.0, f64::max)
    };
    // Columns as narrow as their texts, so that a count stays near its label; a label
    // is cut only when the columns would not fit before the right edge.
    let label_left = 2.0 * R + 64.0;
    let (count_w, share_w) = (widest(&counts), widest(&shares));
    let label_room = WIDTH - 12.0 - share_w - 12.0 - count_w - 20.0 - label_left;
    let labels: Vec<String> = slices
        .iter()
        .map(|(name, _)| fit(name, LABEL_FONT, label_room))
        .collect();
    let count_right = label_left + widest(&labels) + 20.0 + count_w;
    let share_right = count_right + 12.0 + share_w;
    let legend_h = ROW * slices.len() as f64;
    let top = if legend_h < 2.0 * R {
        cy - legend_h / 2.0
    } else {
        BODY_TOP + 12.0
    };
    for (i, label) in labels.iter().enumerate() {
        let y = top + ROW * i as f64;
        let _ = writeln!(
            c.out,
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>",
            N(label_left - 20.0),
            N(y + 5.0),
            slice_colour(i, slices.len())
        );
        let base = y + 15.0;
        let font = LABEL_FONT;
        c.text(Label::at(label_left, base, font).fill(INK), label);
        c.text(
            Label::at(count_right, base, font).fill(INK).end(),
            &counts[i],
        );
        c.text(
            Label::at(share_right, base, font).fill(MUTED).end(),
            &shares[i],
        );
    }
    (cy + R).max(top + legend_h) + 16.0
}

/// The angle, clockwise from 12 o'clock, at `part` of `total`.
fn turn(part: u128, total: u128) -> f64 {
    std::f64::consts::TAU * (part as f64 / total as f64)
}

/// Slice `i`'s colour among `n`: the palette in turn, except that the last slice of a pie
/// longer than the palette never takes the colour of the first, which it touches.
fn slice_colour(i: usize, n: usize) -> &'static str {
    let k = if i + 1 == n && i > 0 && i.is_multiple_of(PALETTE.len()) {
        i + 1
    } else {
        i
    };
    PALETTE[k % PALETTE.len()]
}

/// Whole percents of the total that add up to 100 (largest remainders get the points lost
/// to rounding down; ties go to the earlier slice), so that a legend never sums to 99 %.
fn whole_percents(slices: &[(String, u64)]) -> Vec<u64> {
    let total: u128 = slices.iter().map(|(_, n)| u128::from(*n)).sum();
    if total == 0 {
        return vec![0; slices.len()];
    }
    let mut shares: Vec<u64> = slices
        .iter()
        .map(|(_, n)| u64::try_from(u128::from(*n) * 100 / total).unwrap_or(100))
        .collect();
    let given: u64 = shares.iter().sum();
    let mut order: Vec<usize> = (0..slices.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(u128::from(slices[i].1) * 100 % total), i));
    for &i in order
        .iter()
        .take(usize::try_from(100 - given.min(100)).unwrap_or(0))
    {
        shares[i] += 1;
    }
    shares
}

/// A share as the language writes it: "48 %" (with a no-break space) or "48%"; a slice
/// that rounds to nothing is "<1 %" and one that rounds to all but is not ">99 %", so that
/// a legend never says none or all of a part.
fn percent(p: u64, n: u128, total: u128, lang: Language) -> String {
    let p = if p == 0 && n > 0 {
        "<1".to_owned()
    } else if p == 100 && n < total {
        ">99".to_owned()
    } else {
        p.to_string()
    };
    match lang {
        Language::Sv => format!("{p}\u{a0}%"),
        Language::En => format!("{p}%"),
    }
}

// ---------------------------------------------------------------------------------------
// Bars

/// Vertical bars on a y-axis of whole-number ticks, the value above each bar and the
/// labels under them (tilted and thinned when they do not fit); returns the bottom.
fn bars(c: &mut Canvas, y_title: &str, values: &[(String, u64)], y_max: u64) -> f64 {
    const PLOT_H: f64 = 200.0;
    /// The longest a tilted label under a bar gets, in px.
    const LABEL_MAX: f64 = 170.0;
    const COS45: f64 = std::f64::consts::FRAC_1_SQRT_2;
    let largest = values.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let (step, top_value) = nice_axis(y_max.max(largest).max(1));
    let ticks: Vec<u64> = (0..)
        .map(|i: u64| i.saturating_mul(step))
        .take_while(|t| *t <= top_value)
        .take(12)
        .collect();
    let tick_w = ticks
        .iter()
        .map(|t| SMALL_FONT.width(&t.to_string()))
        .fold(0.0, f64::max);
    let plot_right = WIDTH - 12.0;
    let n = values.len().max(1) as f64;
    let flat = {
        let slot = (plot_right - 38.0 - tick_w) / n;
        values
            .iter()
            .all(|(name, _)| SMALL_FONT.width(&clean(name)) <= slot - 6.0)
    };
    // Tilted labels hang to the left of their bars: the plot starts late enough for the
    // first ones to be whole (up to a point, past which they are cut).
    let plot_left = values
        .iter()
        .enumerate()
        .filter(|_| !flat)
        .map(|(i, (name, _))| {
            let reach = SMALL_FONT.width(&clean(name)).min(LABEL_MAX) * COS45 + 4.0;
            let at = (i as f64 + 0.5) / n;
            (reach - at * plot_right) / (1.0 - at)
        })
        .fold(30.0 + tick_w + 8.0, f64::max)
        .min(180.0);
    let slot = (plot_right - plot_left) / n;
    let bar_w = (slot * 0.7).min(56.0);

    // The values above the bars: smaller when the bars are narrow, upright when even the
    // smallest size would run into the neighbour's.
    let value_w = values
        .iter()
        .map(|(_, n)| SMALL_FONT.width(&n.to_string()))
        .fold(0.0, f64::max);
    let value_size = if value_w <= slot - 4.0 {
        SMALL_FONT.size
    } else {
        (SMALL_FONT.size * (slot - 4.0) / value_w).floor()
    };
    let upright = value_size < 8.0;
    let value_font = Font {
        size: if upright { 9.0 } else { value_size },
        bold: false,
    };
    let headroom = if upright {
        value_w * 9.0 / SMALL_FONT.size + 10.0
    } else {
        20.0
    };
    let plot_top = BODY_TOP + headroom;
    let plot_bottom = plot_top + PLOT_H;
    let y_of = |v: u64| plot_bottom - PLOT_H * (v as f64 / top_value.max(1) as f64);

    for t in &ticks {
        let y = y_of(*t);
        if *t > 0 {
            c.line(plot_left, y, plot_right, y, GRID);
        }
        c.text(
            Label::at(plot_left - 6.0, y + 4.0, SMALL_FONT)
                .fill(MUTED)
                .end(),
            &t.to_string(),
        );
    }
    let y_mid = (plot_top + plot_bottom) / 2.0;
    c.text(
        Label::at(20.0, y_mid, SMALL_FONT)
            .fill(MUTED)
            .middle()
            .rotate(-90.0),
        &fit(y_title, SMALL_FONT, PLOT_H),
    );

    for (i, (_, n)) in values.iter().enumerate() {
        let cx = plot_left + slot * (i as f64 + 0.5);
        let y = y_of(*n);
        if *n > 0 {
            let _ = writeln!(
                c.out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                N(cx - bar_w / 2.0),
                N(y),
                N(bar_w),
                N(plot_bottom - y),
                PALETTE[0]
            );
        }
        let value = if upright {
            Label::at(cx + 3.0, y - 5.0, value_font).rotate(-90.0)
        } else {
            Label::at(cx, y - 5.0, value_font).middle()
        };
        c.text(value, &n.to_string());
    }
    c.line(plot_left, plot_bottom, plot_right, plot_bottom, AXIS);

    // Under the bars: level labels when they all fit, else tilted by 45° (as long as the
    // first one's room to the left allows), every k-th when even those would touch.
    let mut bottom = plot_bottom + 22.0;
    let every = if flat {
        1
    } else {
        (16.0 / slot).ceil().max(1.0) as usize
    };
    for (i, (name, _)) in values.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        let cx = plot_left + slot * (i as f64 + 0.5);
        if flat {
            c.text(
                Label::at(cx, plot_bottom + 16.0, SMALL_FONT)
                    .fill(INK)
                    .middle(),
                name,
            );
        } else {
            let room = ((cx - 4.0) / COS45).min(LABEL_MAX);
            let text = fit(name, SMALL_FONT, room);
            let (x, y) = (cx + 4.0, plot_bottom + 12.0);
            c.text(
                Label::at(x, y, SMALL_FONT).fill(INK).end().rotate(-45.0),
                &text,
            );
            bottom = bottom.max(y + SMALL_FONT.width(&text) * COS45 + 8.0);
        }
    }
    bottom + 8.0
}

/// A step of 1, 2 or 5 times a power of ten giving at most six intervals, and the axis top
/// (the first multiple of the step at or above `max`).
fn nice_axis(max: u64) -> (u64, u64) {
    let max = max.max(1);
    let mut magnitude: u64 = 1;
    loop {
        for m in [1, 2, 5] {
            let step = magnitude.saturating_mul(m);
            let intervals = max.div_ceil(step);
            if intervals <= 6 {
                return (step, intervals.saturating_mul(step));
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

// ---------------------------------------------------------------------------------------
// Gantt

/// Rows of tasks under their section labels, a month axis above (and below, when the plan
/// is long), bars coloured by state, a legend; returns the bottom.
fn gantt(c: &mut Canvas, tasks: &[Task], lang: Language) -> f64 {
    const TASK_ROW: f64 = 16.0;
    const SECTION_ROW: f64 = 20.0;
    const PLOT_LEFT: f64 = 288.0;
    const PLOT_RIGHT: f64 = WIDTH - 12.0;
    const AXIS_H: f64 = 34.0;

    // The legend, one line under the title.
    let mut x = 12.0;
    for state in [
        TaskState::Done,
        TaskState::Active,
        TaskState::Late,
        TaskState::Planned,
    ] {
        let word = state_word(state, lang);
        let _ = writeln!(
            c.out,
            "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" rx=\"2\" fill=\"{}\"/>",
            N(x),
            N(BODY_TOP - 2.0),
            state_colour(state)
        );
        c.text(
            Label::at(x + 14.0, BODY_TOP + 7.0, SMALL_FONT).fill(INK),
            word,
        );
        x += 14.0 + SMALL_FONT.width(word) + 18.0;
    }

    let Some(first) = tasks.iter().map(|t| t.start).min() else {
        return BODY_TOP + 20.0;
    };
    // A bar covers its end day: the range runs to the day after the last end.
    let last = tasks
        .iter()
        .map(|t| t.end.max(t.start).plus_days(1))
        .max()
        .unwrap_or(first);
    let axis = MonthAxis::new(first, last, PLOT_LEFT, PLOT_RIGHT);

    let axis_top = BODY_TOP + 14.0;
    let rows_top = axis_top + AXIS_H;
    let rows = rows_of(tasks);
    let rows_bottom = rows_top
        + rows
            .iter()
            .map(|r| match r {
                Row::Section(_) => SECTION_ROW,
                Row::Task(..) => TASK_ROW,
            })
            .sum::<f64>();

    // Row backgrounds first, then the month lines over them, then the bars.
    let mut y = rows_top;
    for row in &rows {
        match row {
            Row::Section(_) => {
                c.rect(4.0, y + 2.0, WIDTH - 8.0, SECTION_ROW - 2.0, "#E9EEF4");
                y += SECTION_ROW;
            }
            Row::Task(n, _) => {
                if n % 2 == 1 {
                    c.rect(4.0, y, WIDTH - 8.0, TASK_ROW, "#F4F5F7");
                }
                y += TASK_ROW;
            }
        }
    }
    axis.grid(c, rows_top, rows_bottom);
    axis.labels(c, axis_top + 14.0, lang);
    let long = rows.len() > 24;
    if long {
        axis.labels(c, rows_bottom + 14.0, lang);
    }

    let mut y = rows_top;
    for row in &rows {
        match row {
            Row::Section(name) => {
                c.text(
                    Label::at(10.0, y + 15.0, SECTION_FONT).fill(INK),
                    &fit(name, SECTION_FONT, WIDTH - 24.0),
                );
                y += SECTION_ROW;
            }
            Row::Task(_, task) => {
                c.text(
                    Label::at(18.0, y + 12.0, TASK_FONT).fill(INK),
                    &fit(&task.name, TASK_FONT, PLOT_LEFT - 26.0),
                );
                let x0 = axis.x(task.start);
                let x1 = axis.x(task.end.max(task.start).plus_days(1));
                // A one-day task on a long axis is still a visible mark.
                let w = (x1 - x0).max(3.0);
                let x0 = x0.min(PLOT_RIGHT - w);
                let _ = writeln!(
                    c.out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" rx=\"2\" fill=\"{}\"/>",
                    N(x0),
                    N(y + 3.0),
                    N(w),
                    state_colour(task.state)
                );
                y += TASK_ROW;
            }
        }
    }
    c.line(PLOT_LEFT, rows_top, PLOT_RIGHT, rows_top, AXIS);
    c.line(PLOT_LEFT, rows_bottom, PLOT_RIGHT, rows_bottom, AXIS);
    if long {
        rows_bottom + AXIS_H + 4.0
    } else {
        rows_bottom + 12.0
    }
}

/// A line of the gantt chart: a section's label, or a task with its number in the plan.
enum Row<'a> {
    Section(&'a str),
    Task(usize, &'a Task),
}

/// Tasks under a label each time the section changes, as the Mermaid source groups them.
fn rows_of(tasks: &[Task]) -> Vec<Row<'_>> {
    let mut rows = Vec::with_capacity(tasks.len() + 8);
    let mut section: Option<&str> = None;
    for (i, t) in tasks.iter().enumerate() {
        if section != Some(t.section.as_str()) {
            rows.push(Row::Section(&t.section));
            section = Some(&t.section);
        }
        rows.push(Row::Task(i, t));
    }
    rows
}

fn state_word(state: TaskState, lang: Language) -> &'static str {
    match state {
        TaskState::Done => lang.pick("Klar", "Done"),
        TaskState::Active => lang.pick("Pågår", "In progress"),
        TaskState::Late => lang.pick("Försenad", "Overdue"),
        TaskState::Planned => lang.pick("Planerad", "Planned"),
    }
}

fn state_colour(state: TaskState) -> &'static str {
    match state {
        TaskState::Done => "#009E73",
        TaskState::Active => "#0072B2",
        TaskState::Late => "#D55E00",
        TaskState::Planned => "#B8B8B8",
    }
}

/// The months from the first task's month to the end of the last one's, over the plot.
struct MonthAxis {
    months: Vec<Date>,
    start: Date,
    days: f64,
    left: f64,
    right: f64,
    /// Every how many months a label is written.
    step: u32,
}

impl MonthAxis {
    fn new(first: Date, end: Date, left: f64, right: f64) -> MonthAxis {
        let start = month_of(first);
        let mut months = vec![start];
        let mut next = start.plus_months(1);
        // At most a few centuries: a saturated date cannot loop for ever.
        while next < end && months.len() < 12 * 300 {
            months.push(next);
            next = next.plus_months(1);
        }
        let days = start.days_until(next).max(1) as f64;
        // A month word needs about 24 px, a year alone 32.
        let per_month = (right - left) / months.len() as f64;
        let step = [1, 2, 3, 6, 12]
            .into_iter()
            .find(|s| per_month * f64::from(*s) >= 24.0)
            .unwrap_or_else(|| 12 * (32.0 / (per_month * 12.0)).ceil().max(1.0) as u32);
        MonthAxis {
            months,
            start,
            days,
            left,
            right,
            step,
        }
    }

    fn x(&self, d: Date) -> f64 {
        let days = self.start.days_until(d) as f64;
        (self.left + (self.right - self.left) * days / self.days).clamp(self.left, self.right)
    }

    /// Whether month `m` carries a label: every `step`-th month of the year, or of the
    /// years when a label is a year.
    fn labelled(&self, m: Date) -> bool {
        let month = m.0.month() as u32 - 1;
        if self.step <= 12 {
            month.is_multiple_of(self.step)
        } else {
            month == 0 && (i64::from(m.year()) % i64::from(self.step / 12)) == 0
        }
    }

    fn grid(&self, c: &mut Canvas, top: f64, bottom: f64) {
        let per_month = (self.right - self.left) / self.months.len() as f64;
        for m in &self.months {
            let labelled = self.labelled(*m);
            if labelled || per_month >= 12.0 {
                let x = self.x(*m);
                let colour = if labelled { "#C8C8C8" } else { "#E4E4E4" };
                c.line(x, top, x, bottom, colour);
            }
        }
        c.line(self.right, top, self.right, bottom, "#C8C8C8");
    }

    /// Month words on `base`, with the year under January and under the first label.
    fn labels(&self, c: &mut Canvas, base: f64, lang: Language) {
        let labelled: Vec<Date> = self
            .months
            .iter()
            .copied()
            .filter(|m| self.labelled(*m))
            .collect();
        // The first label's year would run into the next January's.
        let mut first = labelled
            .iter()
            .skip(1)
            .find(|m| m.0.month() == 1)
            .is_none_or(|jan| self.x(*jan) - self.x(labelled[0]) >= 34.0);
        for m in &labelled {
            let x = self.x(*m) + 3.0;
            // The last label may start too near the right edge to be whole.
            if x + SMALL_FONT.width("0000") > WIDTH - 2.0 {
                continue;
            }
            let month = usize::from(m.0.month().unsigned_abs()).clamp(1, 12) - 1;
            let year = m.year().to_string();
            if self.step > 12 {
                c.text(Label::at(x, base, SMALL_FONT).fill(MUTED), &year);
            } else {
                let word = match lang {
                    Language::Sv => MONTHS_SV[month],
                    Language::En => MONTHS_EN[month],
                };
                c.text(Label::at(x, base, SMALL_FONT).fill(INK), word);
                if first || month == 0 {
                    c.text(Label::at(x, base + 12.0, SMALL_FONT).fill(MUTED), &year);
                }
            }
            first = false;
        }
    }
}

const MONTHS_SV: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The first day of `d`'s month.
fn month_of(d: Date) -> Date {
    Date::new(d.year(), d.0.month(), 1).unwrap_or(d)
}

// ---------------------------------------------------------------------------------------
// Drawing and text

/// The SVG elements drawn so far, one a line.
#[derive(Default)]
struct Canvas {
    out: String,
}

impl Canvas {
    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, colour: &str) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"1\"/>",
            N(x1),
            N(y1),
            N(x2),
            N(y2)
        );
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            N(x),
            N(y),
            N(w.max(0.0)),
            N(h.max(0.0))
        );
    }

    /// A text, cleaned and escaped here so that no caller can forget it.
    fn text(&mut self, at: Label, text: &str) {
        let text = clean(text);
        if text.is_empty() {
            return;
        }
        let (x, y) = (N(at.x), N(at.y));
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{}\"",
            N(at.font.size)
        );
        if at.font.bold {
            self.out.push_str(" font-weight=\"bold\"");
        }
        match at.anchor {
            Anchor::Start => {}
            Anchor::Middle => self.out.push_str(" text-anchor=\"middle\""),
            Anchor::End => self.out.push_str(" text-anchor=\"end\""),
        }
        if at.angle != 0.0 {
            let _ = write!(self.out, " transform=\"rotate({} {x} {y})\"", N(at.angle));
        }
        let _ = writeln!(self.out, " fill=\"{}\">{}</text>", at.fill, escape(&text));
    }
}

#[derive(Clone, Copy)]
enum Anchor {
    Start,
    Middle,
    End,
}

/// Where and how a text is drawn.
#[derive(Clone, Copy)]
struct Label {
    x: f64,
    y: f64,
    font: Font,
    anchor: Anchor,
    fill: &'static str,
    /// Degrees, about the text's own anchor.
    angle: f64,
}

impl Label {
    fn at(x: f64, y: f64, font: Font) -> Label {
        Label {
            x,
            y,
            font,
            anchor: Anchor::Start,
            fill: INK,
            angle: 0.0,
        }
    }
    fn fill(self, fill: &'static str) -> Label {
        Label { fill, ..self }
    }
    fn middle(self) -> Label {
        Label {
            anchor: Anchor::Middle,
            ..self
        }
    }
    fn end(self) -> Label {
        Label {
            anchor: Anchor::End,
            ..self
        }
    }
    fn rotate(self, angle: f64) -> Label {
        Label { angle, ..self }
    }
}

#[derive(Clone, Copy)]
struct Font {
    size: f64,
    bold: bool,
}

impl Font {
    /// The text's width in px, from DejaVu Sans's advances (bold is about 15 % wider).
    fn width(self, text: &str) -> f64 {
        let em: u32 = text.chars().map(|c| u32::from(advance(c))).sum();
        let bold = if self.bold { 1.15 } else { 1.0 };
        f64::from(em) / 1000.0 * self.size * bold
    }
}

/// The record text, cleaned, cut to `max` px with "…" when it is wider.
fn fit(text: &str, font: Font, max: f64) -> String {
    let text = clean(text);
    if font.width(&text) <= max {
        return text;
    }
    let room = max - font.width("…");
    let mut cut = String::new();
    let mut used = 0.0;
    for ch in text.chars() {
        let w = font.width(ch.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        cut.push(ch);
    }
    let cut = cut.trim_end_matches([' ', ',', ';', ':', '-', '–', '(', '.']);
    if room < 0.0 {
        String::new()
    } else {
        format!("{cut}…")
    }
}

/// Record text made plain: line breaks and tabs become spaces (runs of them one), control
/// characters, bidi overrides and marks, byte-order marks and non-characters go. A bidi
/// override in a task name would otherwise reverse what the reader sees.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let space = c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}');
        if space {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !(c.is_control()
            || matches!(c,
                '\u{200e}' | '\u{200f}' | '\u{061c}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}' | '\u{fffe}' | '\u{ffff}'))
        {
            out.push(c);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Text escaped for XML content and attribute values: as for HTML.
use super::html::escape;

/// A coordinate with at most two decimals, no trailing zeros, never `-0`, `NaN` or `inf`.
struct N(f64);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() {
            (self.0 * 100.0).round() / 100.0
        } else {
            0.0
        };
        if v == 0.0 {
            return f.write_str("0");
        }
        let s = format!("{v:.2}");
        f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
    }
}

/// FNV-1a (64 bits): a hash that stays the same across builds and platforms.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// DejaVu Sans advance widths in thousandths of an em, U+0020–U+007E.
const ASCII: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// DejaVu Sans advance widths in thousandths of an em, U+00A0–U+00FF.
const LATIN1: [u16; 96] = [
    318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 361, 1000, 500, 500, 838,
    401, 401, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969, 531, 684, 684, 684, 684, 684,
    684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295, 775, 748, 787, 787, 787, 787, 787, 838,
    787, 732, 732, 732, 732, 611, 605, 630, 613, 613, 613, 613, 613, 613, 982, 550, 615, 615, 615,
    615, 278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592,
    635, 592,
];

/// A character's advance in thousandths of an em; outside the tables, an estimate on the
/// wide side (a full em for scripts such as CJK) so that a cut label still fits.
fn advance(c: char) -> u16 {
    match u32::from(c) {
        n @ 0x20..=0x7e => ASCII[(n - 0x20) as usize],
        n @ 0xa0..=0xff => LATIN1[(n - 0xa0) as usize],
        0x0100..=0x024f => 800,
        0x2013 => 500,
        0x2018..=0x201a => 318,
        0x201c..=0x201e => 518,
        0x2039 | 0x203a => 400,
        0x2236 => 260,
        0x2212 => 838,
        _ => 1000,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::charts;

    /// An element of a parsed SVG: name, attributes in order, text, children.
    #[derive(Debug)]
    struct El {
        name: String,
        attrs: Vec<(String, String)>,
        text: String,
        children: Vec<El>,
    }

    impl El {
        fn attr(&self, name: &str) -> &str {
            self.attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
                .unwrap_or_else(|| panic!("<{}> has no {name}", self.name))
        }

        fn num(&self, name: &str) -> f64 {
            self.attr(name).parse().expect("a number")
        }

        /// This element and all below it, depth first.
        fn all(&self) -> Vec<&El> {
            let mut out = vec![self];
            for c in &self.children {
                out.extend(c.all());
            }
            out
        }

        fn named(&self, name: &str) -> Vec<&El> {
            self.all().into_iter().filter(|e| e.name == name).collect()
        }

        fn texts(&self) -> Vec<&str> {
            self.named("text").iter().map(|e| e.text.as_str()).collect()
        }
    }

    /// Parses a whole SVG, panicking on anything that is not well-formed XML 1.0 with one
    /// root element.
    fn parse(xml: &str) -> El {
        use quick_xml::events::{BytesStart, Event};
        for c in xml.chars() {
            let allowed = matches!(c, '\t' | '\n' | '\r')
                || (c >= '\u{20}' && c != '\u{fffe}' && c != '\u{ffff}');
            assert!(allowed, "{c:?} is not allowed in XML 1.0");
        }
        fn element(e: &BytesStart<'_>) -> El {
            El {
                name: e.name().into_inner().to_owned(),
                attrs: e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("a well-formed attribute");
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .expect("a well-formed value")
                            .into_owned();
                        (a.key.into_inner().to_owned(), value)
                    })
                    .collect(),
                text: String::new(),
                children: Vec::new(),
            }
        }
        let mut reader = quick_xml::Reader::from_str(xml);
        reader.config_mut().check_end_names = true;
        let mut stack: Vec<El> = Vec::new();
        let mut root = None;
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) => stack.push(element(&e)),
                Event::Empty(e) => stack
                    .last_mut()
                    .expect("an element inside the root")
                    .children
                    .push(element(&e)),
                Event::End(_) => {
                    let el = stack.pop().expect("an open element");
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(el),
                        None => {
                            assert!(root.is_none(), "a second root");
                            root = Some(el);
                        }
                    }
                }
                Event::Text(t) => {
                    let text = t.xml10_content();
                    match stack.last_mut() {
                        Some(el) => el.text.push_str(&text),
                        None => assert!(text.trim().is_empty(), "text outside the root"),
                    }
                }
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref().expect("a character reference") {
                        Some(c) => c,
                        None => match &*r {
                            "lt" => '<',
                            "gt" => '>',
                            "amp" => '&',
                            "quot" => '"',
                            "apos" => '\'',
                            other => panic!("an undefined entity &{other};"),
                        },
                    };
                    stack.last_mut().expect("an element").text.push(c);
                }
                Event::Eof => break,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert!(stack.is_empty(), "unclosed elements");
        root.expect("a root element")
    }

    /// Checks what every chart must be, and returns its tree.
    fn check(chart: &Chart, lang: Language) -> El {
        let svg = render(chart, lang);
        let root = parse(&svg);
        assert_eq!(root.name, "svg");
        assert_eq!(root.attr("xmlns"), "http://www.w3.org/2000/svg");
        assert_eq!(root.attr("width"), "640");
        let height = root.attr("height");
        assert_eq!(root.attr("viewBox"), format!("0 0 640 {height}"));
        assert_eq!(root.attr("role"), "img");
        assert_eq!(root.attr("font-family"), FONT_FAMILY);
        let title = &root.children[0];
        assert_eq!(title.name, "title");
        assert_eq!(root.attr("aria-labelledby"), title.attr("id"));
        // Only drawing elements, and nothing resvg would ignore.
        for el in root.all() {
            assert!(
                ["svg", "title", "rect", "path", "circle", "line", "text"]
                    .contains(&el.name.as_str()),
                "<{}> in {svg}",
                el.name
            );
            for (k, v) in &el.attrs {
                assert!(k != "class" && k != "style", "{k} in {svg}");
                // Numbers: at most two decimals, no -0, NaN or inf.
                for word in v.split([' ', ',', '(', ')']) {
                    let word = word.trim_start_matches(['M', 'L', 'A', 'Z']);
                    if word.parse::<f64>().is_ok() {
                        assert!(!word.starts_with("-0") || word.starts_with("-0."));
                        assert!(word != "-0", "{k}={v}");
                        let decimals = word.split_once('.').map_or(0, |(_, d)| d.len());
                        assert!(decimals <= 2, "{k}={v}");
                    }
                    assert!(!word.contains("NaN") && !word.contains("inf"), "{k}={v}");
                }
            }
        }
        // Everything drawn lies within the canvas (texts by their anchor).
        let h: f64 = height.parse().expect("a height");
        for el in root.named("rect").into_iter().chain(root.named("text")) {
            let (x, y) = (el.num("x"), el.num("y"));
            assert!(
                (0.0..=640.0).contains(&x) && (0.0..=h).contains(&y),
                "{el:?}"
            );
        }
        for el in root.named("rect") {
            assert!(el.num("x") + el.num("width") <= 640.0, "{el:?}");
            assert!(el.num("y") + el.num("height") <= h, "{el:?}");
        }
        // Level texts fit across the canvas as DejaVu Sans measures them.
        for el in root.named("text") {
            if el.attrs.iter().any(|(k, _)| k == "transform") {
                continue;
            }
            let font = Font {
                size: el.num("font-size"),
                bold: el
                    .attrs
                    .iter()
                    .any(|(k, v)| k == "font-weight" && v == "bold"),
            };
            let (w, x) = (font.width(&el.text), el.num("x"));
            let (left, right) = match el.attrs.iter().find(|(k, _)| k == "text-anchor") {
                Some((_, a)) if a == "middle" => (x - w / 2.0, x + w / 2.0),
                Some((_, a)) if a == "end" => (x - w, x),
                _ => (x, x + w),
            };
            assert!(
                left >= 0.0 && right <= 640.0,
                "{el:?} spans {left}..{right}"
            );
        }
        // The title is drawn, too.
        assert_eq!(root.texts()[0], title.text);
        root
    }

    fn day(s: &str) -> Date {
        Date::parse(s).expect("a date")
    }

    fn task(section: &str, name: &str, start: &str, end: &str, state: TaskState) -> Task {
        Task {
            section: section.into(),
            name: name.into(),
            start: day(start),
            end: day(end),
            state,
        }
    }

    fn sample_pie() -> Chart {
        charts::pie(
            "Handlingsplanens aktiviteter",
            &[
                ("Klar".into(), 5),
                ("Pågår".into(), 7),
                ("Planerad".into(), 5),
                ("Uppskjuten".into(), 1),
            ],
        )
        .expect("a chart")
    }

    fn sample_bars() -> Chart {
        let months: Vec<(String, u64)> = (1..=12)
            .map(|m| (format!("2026-{m:02}"), u64::from(m % 3 == 0)))
            .collect();
        charts::bars("Incidenter per månad", "Antal", &months, 1).expect("a chart")
    }

    fn sample_gantt() -> Chart {
        charts::gantt(
            "Handlingsplan 2026",
            &[
                task(
                    "Styrdokument",
                    "act-1 Revidera policyn",
                    "2026-02-09",
                    "2026-06-30",
                    TaskState::Late,
                ),
                task(
                    "Styrdokument",
                    "act-2 Nätfiske",
                    "2026-02-09",
                    "2026-09-30",
                    TaskState::Done,
                ),
                task(
                    "Övrigt",
                    "act-3 Segmentera",
                    "2026-03-01",
                    "2026-12-15",
                    TaskState::Active,
                ),
                task(
                    "Övrigt",
                    "act-4 Utse ombud",
                    "2026-04-01",
                    "2026-06-30",
                    TaskState::Planned,
                ),
            ],
        )
        .expect("a chart")
    }

    #[test]
    fn pie_has_a_slice_and_a_legend_line_per_value() {
        let root = check(&sample_pie(), Language::Sv);
        assert_eq!(root.named("path").len(), 4);
        let texts = root.texts();
        for word in ["Klar", "Pågår", "Planerad", "Uppskjuten", "7", "39\u{a0}%"] {
            assert!(texts.contains(&word), "{word} in {texts:?}");
        }
        // 5, 7, 5, 1 of 18: 27.8, 38.9, 27.8, 5.6 percent, which round to 101.
        let shares: Vec<&str> = texts.iter().copied().filter(|t| t.ends_with('%')).collect();
        assert_eq!(
            shares,
            ["28\u{a0}%", "39\u{a0}%", "28\u{a0}%", "5\u{a0}%"],
            "{texts:?}"
        );
    }

    #[test]
    fn percent_is_written_as_the_language_writes_it() {
        let pie = charts::pie("Svar", &[("Ja".into(), 12), ("Delvis".into(), 13)]).unwrap();
        let sv = check(&pie, Language::Sv);
        let en = check(&pie, Language::En);
        assert!(sv.texts().contains(&"48\u{a0}%"), "{:?}", sv.texts());
        assert!(en.texts().contains(&"48%"), "{:?}", en.texts());
        assert!(!en.texts().iter().any(|t| t.contains('\u{a0}')));
    }

    #[test]
    fn shares_add_up_to_a_hundred() {
        let slices =
            |ns: &[u64]| -> Vec<(String, u64)> { ns.iter().map(|n| (n.to_string(), *n)).collect() };
        assert_eq!(whole_percents(&slices(&[1, 1, 1])), [34, 33, 33]);
        assert_eq!(whole_percents(&slices(&[5, 7, 5, 1])), [28, 39, 28, 5]);
        assert_eq!(whole_percents(&slices(&[1, 999])), [0, 100]);
        assert_eq!(whole_percents(&slices(&[0, 0])), [0, 0]);
        assert_eq!(whole_percents(&slices(&[u64::MAX, u64::MAX])), [50, 50]);
        assert_eq!(percent(0, 1, 1003, Language::Sv), "<1\u{a0}%");
        assert_eq!(percent(100, 1000, 1003, Language::Sv), ">99\u{a0}%");
        assert_eq!(percent(100, 3, 3, Language::En), "100%");
        assert_eq!(percent(0, 0, 0, Language::En), "0%");
    }

    #[test]
    fn a_pie_of_one_value_is_a_full_circle() {
        let pie = charts::pie("Klassning", &[("Aktuell".into(), 3), ("Saknas".into(), 0)]).unwrap();
        let root = check(&pie, Language::Sv);
        assert_eq!(root.named("circle").len(), 1);
        assert!(root.named("path").is_empty());
        assert!(root.texts().contains(&"100\u{a0}%"));
    }

    #[test]
    fn a_pie_longer_than_the_palette_keeps_touching_slices_apart() {
        let slices: Vec<(String, u64)> = (1..=9).map(|i| (format!("k{i}"), i)).collect();
        let root = check(&charts::pie("Nio", &slices).unwrap(), Language::Sv);
        let fills: Vec<&str> = root.named("path").iter().map(|p| p.attr("fill")).collect();
        assert_eq!(fills.len(), 9);
        assert_ne!(fills[8], fills[0]);
        assert_ne!(fills[8], fills[7]);
        for pair in fills.windows(2) {
            assert_ne!(pair[0], pair[1]);
        }
    }

    #[test]
    fn long_legend_labels_are_cut() {
        let long = "Ett mycket långt namn på en kategori ".repeat(4);
        let pie = charts::pie("Typ", &[(long.clone(), 1), ("Kort".into(), 1)]).unwrap();
        let root = check(&pie, Language::Sv);
        let cut = root
            .texts()
            .into_iter()
            .find(|t| t.starts_with("Ett mycket"))
            .expect("the long label");
        assert!(cut.ends_with('…') && cut.len() < long.len(), "{cut}");
        assert!(LABEL_FONT.width(cut) < 640.0 - 2.0 * 90.0 - 64.0);
    }

    #[test]
    fn bars_have_an_axis_of_whole_numbers_and_their_values() {
        let root = check(&sample_bars(), Language::Sv);
        // Four bars of 1 (March, June, September, December); zeros draw no bar.
        let bars: Vec<&El> = root
            .named("rect")
            .into_iter()
            .filter(|r| r.attr("fill") == PALETTE[0])
            .collect();
        assert_eq!(bars.len(), 4);
        let texts = root.texts();
        assert!(texts.contains(&"Antal") && texts.contains(&"2026-03"));
        assert_eq!(
            texts.iter().filter(|t| **t == "1").count(),
            4 + 1,
            "{texts:?}"
        );
        assert_eq!(
            texts.iter().filter(|t| **t == "0").count(),
            8 + 1,
            "{texts:?}"
        );
    }

    #[test]
    fn bars_of_nothing_but_zeros_draw_an_axis() {
        let chart =
            charts::bars("Tomt", "Antal", &[("a".into(), 0), ("b".into(), 0)], 0).expect("a chart");
        let root = check(&chart, Language::En);
        assert!(root.named("rect").len() == 1, "only the background");
        assert_eq!(
            root.texts(),
            ["Tomt", "0", "1", "Antal", "0", "0", "a", "b"]
        );
    }

    #[test]
    fn bar_labels_that_do_not_fit_are_tilted_and_kept_on_the_canvas() {
        let units: Vec<(String, u64)> = [
            "Barn- och utbildningsnämnden",
            "Kommunledningsförvaltningen",
            "Kommunstyrelsen",
            "Kultur- och fritidsnämnden",
            "Miljö- och byggnadsnämnden",
            "Sjöbacka Energi AB",
            "Sjöbacka Vatten AB",
            "Socialnämnden",
            "Tekniska nämnden",
        ]
        .iter()
        .map(|u| (u.to_string(), 90))
        .collect();
        let chart = charts::bars("Utbildning", "%", &units, 100).unwrap();
        let root = check(&chart, Language::Sv);
        let tilted: Vec<&El> = root
            .named("text")
            .into_iter()
            .filter(|t| {
                t.attrs
                    .iter()
                    .any(|(k, v)| k == "transform" && v.starts_with("rotate(-45"))
            })
            .collect();
        assert_eq!(tilted.len(), 9);
        assert!(tilted.iter().all(|t| !t.text.ends_with('…')), "{tilted:?}");
        // Each label, drawn leftwards from its anchor at 45°, starts inside the canvas.
        for t in tilted {
            let reach = SMALL_FONT.width(&t.text) * std::f64::consts::FRAC_1_SQRT_2;
            assert!(t.num("x") - reach >= 0.0, "{t:?}");
        }
        let many: Vec<(String, u64)> = (0..60).map(|i| (format!("2026-{i:02}"), i)).collect();
        let root = check(
            &charts::bars("Många", "Antal", &many, 0).unwrap(),
            Language::Sv,
        );
        let labels = root
            .texts()
            .iter()
            .filter(|t| t.starts_with("2026-"))
            .count();
        assert!((15..60).contains(&labels), "thinned to {labels}");
    }

    #[test]
    fn axis_steps_are_nice() {
        assert_eq!(nice_axis(0), (1, 1));
        assert_eq!(nice_axis(1), (1, 1));
        assert_eq!(nice_axis(7), (2, 8));
        assert_eq!(nice_axis(12), (2, 12));
        assert_eq!(nice_axis(100), (20, 100));
        assert_eq!(nice_axis(97), (20, 100));
        assert_eq!(nice_axis(1234), (500, 1500));
        let (step, top) = nice_axis(u64::MAX);
        assert!(step > 0 && top >= step);
    }

    #[test]
    fn gantt_rows_sections_states_and_months() {
        let root = check(&sample_gantt(), Language::Sv);
        let texts = root.texts();
        for word in [
            "Klar",
            "Pågår",
            "Försenad",
            "Planerad",
            "Styrdokument",
            "Övrigt",
            "act-1 Revidera policyn",
            "feb",
            "dec",
            "2026",
        ] {
            assert!(texts.contains(&word), "{word} in {texts:?}");
        }
        // The sections come in the order given, each once, before their tasks.
        let at = |w: &str| texts.iter().position(|t| *t == w).unwrap();
        assert!(at("Styrdokument") < at("act-1 Revidera policyn"));
        assert!(at("act-2 Nätfiske") < at("Övrigt") && at("Övrigt") < at("act-3 Segmentera"));
        // One bar per task, coloured by state: late, done, active, planned.
        let bars: Vec<&El> = root
            .named("rect")
            .into_iter()
            .filter(|r| r.attr("height") == "10" && r.num("x") >= 288.0)
            .collect();
        let fills: Vec<&str> = bars.iter().map(|b| b.attr("fill")).collect();
        assert_eq!(fills, ["#D55E00", "#009E73", "#0072B2", "#B8B8B8"]);
        // The plan runs February to December: act-3 (March to mid-December) is longer than
        // act-4 (April to June) and starts before it.
        assert!(bars[2].num("width") > 2.0 * bars[3].num("width"));
        assert!(bars[2].num("x") < bars[3].num("x"));
        assert!(bars[2].num("x") + bars[2].num("width") <= 628.0);

        let en = check(&sample_gantt(), Language::En);
        for word in ["Done", "In progress", "Overdue", "Planned", "Feb"] {
            assert!(en.texts().contains(&word), "{word}");
        }
    }

    #[test]
    fn a_one_day_task_is_a_visible_mark() {
        let chart = charts::gantt(
            "Plan",
            &[task(
                "Mål",
                "Enda dagen",
                "2026-01-12",
                "2026-01-12",
                TaskState::Done,
            )],
        )
        .unwrap();
        let root = check(&chart, Language::Sv);
        let bar = root
            .named("rect")
            .into_iter()
            .find(|r| r.attr("fill") == "#009E73" && r.attr("height") == "10")
            .expect("the bar");
        assert!(bar.num("width") >= 3.0);
        assert!(root.texts().contains(&"jan"));
        // A due date before the start is a one-day task, too.
        let backwards = charts::gantt(
            "Plan",
            &[task(
                "Mål",
                "Bakåt",
                "2026-03-10",
                "2026-03-01",
                TaskState::Late,
            )],
        )
        .unwrap();
        check(&backwards, Language::En);
    }

    #[test]
    fn a_long_plan_has_a_row_per_task_and_readable_labels() {
        let tasks: Vec<Task> = (0..60)
            .map(|i| {
                task(
                    &format!("Mål {}", i / 10),
                    &format!(
                        "act-{i:02} En aktivitet med ett mycket långt namn som inte ryms i kolumnen"
                    ),
                    "2026-01-01",
                    &format!("2026-{:02}-28", 1 + i % 12),
                    TaskState::Planned,
                )
            })
            .collect();
        let root = check(&charts::gantt("Plan", &tasks).unwrap(), Language::Sv);
        let height = root.num("height");
        assert!(height >= 60.0 * 16.0 + 6.0 * 20.0, "{height}");
        let names: Vec<&str> = root
            .texts()
            .into_iter()
            .filter(|t| t.starts_with("act-"))
            .collect();
        assert_eq!(names.len(), 60);
        assert!(names.iter().all(|n| n.ends_with('…')));
        assert!(names.iter().all(|n| TASK_FONT.width(n) <= 288.0 - 26.0));
        // The month axis is repeated under a long plan.
        assert_eq!(root.texts().iter().filter(|t| **t == "jan").count(), 2);
    }

    #[test]
    fn a_plan_over_years_thins_its_month_labels() {
        let chart = charts::gantt(
            "Plan",
            &[task(
                "Mål",
                "Lång",
                "2026-01-01",
                "2031-12-31",
                TaskState::Active,
            )],
        )
        .unwrap();
        let root = check(&chart, Language::Sv);
        let texts = root.texts();
        assert!(!texts.contains(&"feb"), "{texts:?}");
        for year in ["2026", "2027", "2031"] {
            assert!(texts.contains(&year), "{year} in {texts:?}");
        }
        // A plan ending just after a labelled month: that label would hang off the edge.
        let chart = charts::gantt(
            "Plan",
            &[task(
                "Mål",
                "Lång",
                "2025-11-15",
                "2029-01-10",
                TaskState::Late,
            )],
        )
        .unwrap();
        let texts = check(&chart, Language::Sv).texts().join(" ");
        assert!(texts.contains("2028"), "{texts}");
    }

    #[test]
    fn record_text_comes_out_as_text() {
        let hostile = "</text><script>alert(1)</script> ]]> & \"q\" 'a'";
        let charts = [
            charts::pie(hostile, &[(hostile.into(), 1), ("b".into(), 2)]).unwrap(),
            charts::bars(hostile, hostile, &[(hostile.into(), 1)], 1).unwrap(),
            charts::gantt(
                hostile,
                &[task(
                    hostile,
                    hostile,
                    "2026-01-01",
                    "2026-02-01",
                    TaskState::Done,
                )],
            )
            .unwrap(),
        ];
        for chart in &charts {
            let svg = render(chart, Language::Sv);
            assert!(!svg.contains("<script") && !svg.contains("]]>"), "{svg}");
            let root = check(chart, Language::Sv);
            assert_eq!(root.children[0].text, hostile);
            assert!(root.texts().iter().any(|t| t.contains("<script>")));
        }
    }

    #[test]
    fn control_and_bidi_characters_are_removed() {
        let name = "\u{202e}gnirts\u{202c} a\u{7}b\u{2066}c\u{2069}\u{200f}\nnext\tline";
        let pie = charts::pie(name, &[(name.into(), 1)]).unwrap();
        let root = check(&pie, Language::Sv);
        assert_eq!(root.children[0].text, "gnirts abc next line");
        assert!(root.texts().contains(&"gnirts abc next line"));
        assert_eq!(clean("  a \u{a0} b  "), "a \u{a0} b");
    }

    #[test]
    fn the_same_chart_renders_the_same_and_ids_follow_content() {
        for chart in [sample_pie(), sample_bars(), sample_gantt()] {
            assert_eq!(render(&chart, Language::Sv), render(&chart, Language::Sv));
        }
        // Charts that differ (here in their words) differ in their ids.
        let ids: Vec<String> = [
            (sample_pie(), Language::Sv),
            (sample_pie(), Language::En),
            (sample_bars(), Language::Sv),
            (sample_gantt(), Language::Sv),
            (sample_gantt(), Language::En),
        ]
        .iter()
        .map(|(c, lang)| parse(&render(c, *lang)).attr("aria-labelledby").to_owned())
        .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
    }

    #[test]
    fn numbers_have_two_decimals_at_most() {
        assert_eq!(N(1.0).to_string(), "1");
        assert_eq!(N(1.234).to_string(), "1.23");
        assert_eq!(N(1.5).to_string(), "1.5");
        assert_eq!(N(-0.001).to_string(), "0");
        assert_eq!(N(-0.0).to_string(), "0");
        assert_eq!(N(f64::NAN).to_string(), "0");
        assert_eq!(N(f64::INFINITY).to_string(), "0");
        assert_eq!(N(-2.499).to_string(), "-2.5");
        assert_eq!(N(100.0).to_string(), "100");
    }

    #[test]
    fn cut_text_fits() {
        let text = "Genomför riskanalys och ny informationsklassning av driftövervakningen";
        let cut = fit(text, TASK_FONT, 120.0);
        assert!(
            cut.ends_with('…') && TASK_FONT.width(&cut) <= 120.0,
            "{cut}"
        );
        assert_eq!(fit("kort", TASK_FONT, 120.0), "kort");
        assert_eq!(fit(text, TASK_FONT, 1.0), "");
    }
}
