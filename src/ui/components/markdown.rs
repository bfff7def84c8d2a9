//! Renders pack Markdown (parsed by `domain::markdown`) as elements with text nodes only:
//! nothing from a pack ever reaches the page as HTML.

use leptos::prelude::*;

use crate::domain::markdown::{parse, Block, Inline};

#[component]
pub fn Markdown(source: String) -> impl IntoView {
    parse(&source).into_iter().map(block).collect_view()
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Heading(2, t) => view! { <h2>{spans(t)}</h2> }.into_any(),
        Block::Heading(_, t) => view! { <h3>{spans(t)}</h3> }.into_any(),
        Block::Paragraph(t) => view! { <p>{spans(t)}</p> }.into_any(),
        Block::Quote(t) => view! { <blockquote>{spans(t)}</blockquote> }.into_any(),
        Block::Bullets(items) => {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{spans(i)}</li> }).collect_view()}</ul> }.into_any()
        }
        Block::Numbered(items) => {
            view! { <ol>{items.into_iter().map(|i| view! { <li>{spans(i)}</li> }).collect_view()}</ol> }.into_any()
        }
    }
}

fn spans(inlines: Vec<Inline>) -> impl IntoView {
    inlines
        .into_iter()
        .map(|i| match i {
            Inline::Text(t) => view! { <span>{t}</span> }.into_any(),
            Inline::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
            Inline::Emphasis(t) => view! { <em>{t}</em> }.into_any(),
        })
        .collect_view()
}
