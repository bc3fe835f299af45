use super::*;
use crate::corpus::page::read_page;

/// A minimal page of the series' layout around `body`.
fn series_page(body: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="canonical" href="https://www.washingtoninstitute.org/policy-analysis/test-piece">
<link rel="shortlink" href="https://www.washingtoninstitute.org/node/90001">
<title>Test Piece | The Washington Institute</title></head><body>
<nav class="menu"><a href="/policy-analysis">Policy Analysis</a></nav>
<main role="main"><a id="main-content" tabindex="-1"></a>
<article class="node node--type-policy-analysis node--view-mode-full">
<h1>Test Piece</h1><a href="/experts/test-author">Test Author</a>
<time datetime="2024-03-10T12:00:00Z">Mar 10, 2024</time>
<div class="field field--name-body">{body}</div>
<div class="recommended"><article class="node--view-mode-teaser"><h3>Another</h3>
<p>The invented Abu Teaser said, "This teaser quote must not leak."</p></article></div>
</article></main><footer>Footer words</footer></body></html>"#
    )
}

#[test]
fn reads_a_series_page_into_markdown_the_loader_accepts() {
    let page = series_page(
        r#"<p>On March 2, the invented <a href="/node/90002"><strong>Kataib al-Test</strong></a> said, "We read HTML now."</p>"#,
    );
    let read = read(page.as_bytes(), None).unwrap();
    assert_eq!(read.meta.reader, Reader::Series);
    assert_eq!(read.meta.node, Some(90001));
    assert_eq!(read.meta.site.as_deref(), Some("washingtoninstitute.org"));
    assert_eq!(read.meta.published, Some(Date::constant(2024, 3, 10)));
    assert!(
        read.markdown.contains("**Kataib al-Test (/node/90002)**"),
        "{}",
        read.markdown
    );
    assert!(!read.markdown.contains("teaser quote"), "{}", read.markdown);
    assert!(!read.markdown.contains("Footer"), "{}", read.markdown);
    let (piece, _) = read_page(&read.markdown, "test.md").unwrap();
    assert_eq!(piece.title, "Test Piece");
    assert_eq!(piece.authors[0].slug.as_deref(), Some("test-author"));
    assert_eq!(piece.date, Some(Date::constant(2024, 3, 10)));
}

#[test]
fn a_page_without_an_article_is_an_error_that_says_so() {
    let page =
        "<html><head><title>Login</title></head><body><form><input name=u></form></body></html>";
    let err = read(page.as_bytes(), None).unwrap_err();
    assert!(matches!(err, HtmlError::NoArticle { .. }), "{err}");
    assert!(err.to_string().starts_with("no article found"), "{err}");
}

#[test]
fn binary_data_named_html_is_refused() {
    let err = read(b"%PDF-1.7\n\0\0binary", Some("page.html")).unwrap_err();
    assert!(matches!(err, HtmlError::NotText { .. }), "{err}");
}

#[test]
fn deeply_nested_markup_is_refused_before_parsing() {
    let page = format!("<html><body>{}<p>x", "<div>".repeat(100_000));
    let started = std::time::Instant::now();
    assert!(matches!(
        read(page.as_bytes(), None),
        Err(HtmlError::TooDeep { .. })
    ));
    assert!(started.elapsed().as_secs() < 5);
    let spans = format!("<html><body><article><h1>T</h1>{}", "<b><i>".repeat(20_000));
    assert!(read(spans.as_bytes(), None).is_err());
}

#[test]
fn a_page_over_the_size_cap_is_refused() {
    let big = vec![b'<'; MAX_BYTES + 1];
    assert!(matches!(read(&big, None), Err(HtmlError::TooLarge { .. })));
}

#[test]
fn a_truncated_download_is_read_as_far_as_it_goes() {
    let page = series_page(
        r#"<p>The invented Abu Cut said, "Half a page is still a page."</p><p>More text th"#,
    );
    let cut = &page.as_bytes()[..page.find("More text").unwrap_or(page.len()) + 12];
    let read = read(cut, None).unwrap();
    assert!(
        read.markdown.contains("Half a page is still a page."),
        "{}",
        read.markdown
    );
}

#[test]
fn a_windows_1256_page_decodes() {
    let html = r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>خبر</title></head><body><article><h1>عنوان الخبر</h1><p>قال المتحدث الخيالي إن هذه الجملة طويلة بما يكفي لتكون فقرة من مقالة حقيقية في صحيفة ما.</p><p>فقرة ثانية تكمل الكلام عن الموضوع الخيالي بكلمات كثيرة أخرى حتى يكفي النص.</p></article></body></html>"#;
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(html);
    assert!(!unmappable);
    let read = read(&bytes, None).unwrap();
    assert_eq!(read.meta.title, "عنوان الخبر");
    assert!(
        read.markdown.contains("قال المتحدث الخيالي"),
        "{}",
        read.markdown
    );
}

#[test]
fn a_page_without_article_markup_is_read_through_readability() {
    let sentence = "The invented Saraya al-Dukhan said on Monday that it holds the imaginary crossing, and its spokesman repeated the claim twice to reporters in the made-up province.";
    let paragraphs: String = (0..6).map(|_| format!("<p>{sentence}</p>")).collect();
    let page = format!(
        r#"<html><head><title>Smoke at the crossing</title></head><body>
<div id="top"><a href="/">Home</a> <a href="/news">News</a></div>
<div id="wrap"><div class="col"><h1>Smoke at the crossing</h1>{paragraphs}</div></div>
<div id="bottom"><a href="/about">About</a></div></body></html>"#
    );
    let read = read(page.as_bytes(), Some("https://news.example/x")).unwrap();
    assert_eq!(read.meta.reader, Reader::Readability);
    assert_eq!(read.meta.site.as_deref(), Some("news.example"));
    assert!(
        read.markdown.contains("holds the imaginary crossing"),
        "{}",
        read.markdown
    );
    assert!(!read.markdown.contains("About"), "{}", read.markdown);
}
