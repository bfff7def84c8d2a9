//! A safe Markdown subset for lesson text from content packs.
//!
//! Pack text is never handed to the browser as HTML. This parser turns it into a small tree of
//! blocks and inline spans that the UI renders as elements with text nodes, so `<script>` in a
//! pack is shown as the characters `<script>`. Supported: `##`/`###` headings, paragraphs,
//! `-`/`*` and `1.` lists, `> ` quotes, `**bold**` and `*italic*`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 2 or 3 (a lesson's own title is the level-1 heading of the page).
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    Numbered(Vec<Vec<Inline>>),
    Quote(Vec<Inline>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
}

pub fn parse(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Inline>>)> = None;
    let mut quote: Vec<&str> = Vec::new();

    fn flush_para(para: &mut Vec<&str>, blocks: &mut Vec<Block>) {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(inline(&para.join(" "))));
            para.clear();
        }
    }
    fn flush_list(list: &mut Option<(bool, Vec<Vec<Inline>>)>, blocks: &mut Vec<Block>) {
        if let Some((numbered, items)) = list.take() {
            blocks.push(if numbered {
                Block::Numbered(items)
            } else {
                Block::Bullets(items)
            });
        }
    }
    fn flush_quote(quote: &mut Vec<&str>, blocks: &mut Vec<Block>) {
        if !quote.is_empty() {
            blocks.push(Block::Quote(inline(&quote.join(" "))));
            quote.clear();
        }
    }

    for raw in src.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            flush_quote(&mut quote, &mut blocks);
            continue;
        }
        let heading = line
            .strip_prefix("### ")
            .map(|t| (3, t))
            .or_else(|| line.strip_prefix("## ").map(|t| (2, t)))
            .or_else(|| line.strip_prefix("# ").map(|t| (2, t)));
        if let Some((level, text)) = heading {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            flush_quote(&mut quote, &mut blocks);
            blocks.push(Block::Heading(level, inline(text)));
        } else if let Some(text) = line.strip_prefix("> ").or_else(|| (line == ">").then_some("")) {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            if !text.is_empty() {
                quote.push(text);
            }
        } else if let Some((numbered, text)) = list_item(line) {
            flush_para(&mut para, &mut blocks);
            flush_quote(&mut quote, &mut blocks);
            match &mut list {
                Some((n, items)) if *n == numbered => items.push(inline(text)),
                _ => {
                    flush_list(&mut list, &mut blocks);
                    list = Some((numbered, vec![inline(text)]));
                }
            }
        } else {
            flush_list(&mut list, &mut blocks);
            flush_quote(&mut quote, &mut blocks);
            para.push(line);
        }
    }
    flush_para(&mut para, &mut blocks);
    flush_list(&mut list, &mut blocks);
    flush_quote(&mut quote, &mut blocks);
    blocks
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(t) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, t));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        if let Some(t) = line[digits..]
            .strip_prefix(". ")
            .or_else(|| line[digits..].strip_prefix(") "))
        {
            return Some((true, t));
        }
    }
    None
}

/// `**strong**` and `*emphasis*`; an unmatched marker stays as text.
fn inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("**") {
            if let Some(end) = after.find("**") {
                if end > 0 {
                    push_text(&mut out, &mut plain);
                    out.push(Inline::Strong(after[..end].to_string()));
                    rest = &after[end + 2..];
                    continue;
                }
            }
        } else if let Some(after) = rest.strip_prefix('*') {
            if let Some(end) = after.find('*') {
                if end > 0 && !after.starts_with(' ') {
                    push_text(&mut out, &mut plain);
                    out.push(Inline::Emphasis(after[..end].to_string()));
                    rest = &after[end + 1..];
                    continue;
                }
            }
        }
        let ch = rest.chars().next().expect("non-empty");
        plain.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    push_text(&mut out, &mut plain);
    out
}

fn push_text(out: &mut Vec<Inline>, plain: &mut String) {
    if !plain.is_empty() {
        out.push(Inline::Text(std::mem::take(plain)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inline::*;

    #[test]
    fn blocks_and_inline_marks() {
        let md = "## Apa itu integritas\n\nIntegritas adalah **kesesuaian** kata dan *perbuatan*.\nBaris kedua.\n\n- satu\n- dua\n\n1. pertama\n2. kedua\n\n> Kutipan\n> lanjut";
        assert_eq!(
            parse(md),
            vec![
                Block::Heading(2, vec![Text("Apa itu integritas".into())]),
                Block::Paragraph(vec![
                    Text("Integritas adalah ".into()),
                    Strong("kesesuaian".into()),
                    Text(" kata dan ".into()),
                    Emphasis("perbuatan".into()),
                    Text(". Baris kedua.".into()),
                ]),
                Block::Bullets(vec![vec![Text("satu".into())], vec![Text("dua".into())]]),
                Block::Numbered(vec![vec![Text("pertama".into())], vec![Text("kedua".into())]]),
                Block::Quote(vec![Text("Kutipan lanjut".into())]),
            ]
        );
    }

    #[test]
    fn html_is_just_text() {
        let blocks = parse("<script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![Text(
                "<script>alert(1)</script> <img src=x onerror=alert(1)>".into()
            )])]
        );
    }

    #[test]
    fn unmatched_markers_stay_as_text() {
        assert_eq!(
            parse("2 * 3 = 6 dan **tebal"),
            vec![Block::Paragraph(vec![Text("2 * 3 = 6 dan **tebal".into())])]
        );
    }
}
