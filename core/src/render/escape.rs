//! Escaping user text for each place it can land. Every renderer goes through these; none
//! writes user text any other way.

/// Text between tags: `&`, `<`, `>`.
pub fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A double-quoted attribute value: text escaping plus both quote marks.
pub fn html_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON that sits inside `<script type="application/ld+json">`: no `<`, `>` or `&` may appear
/// raw (so no `</script>` or `<!--` can end or confuse the block), nor the two JavaScript line
/// separators. Each becomes its `\uXXXX` escape, which leaves the JSON's meaning unchanged.
pub fn json_in_script(value: &serde_json::Value) -> String {
    let raw = value.to_string();
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A YAML double-quoted scalar that every YAML reader (1.1 and 1.2: Hugo's, Jekyll's, js-yaml,
/// PyYAML) reads back as `s` exactly. Only YAML's own escapes are used: `\"`, `\\`, and an escape
/// for each character YAML may not hold raw or would read as a line break (a raw break inside
/// quotes is folded into a space): C0 and C1 controls, DEL, U+2028/U+2029, the byte order mark,
/// U+FFFE/U+FFFF.
pub fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => out.push_str(&format!("\\x{:02X}", c as u32)),
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One line of user text as CommonMark inline content that every reader (CommonMark, and
/// pandoc's Markdown with its extensions and smart punctuation) shows exactly as typed.
///
/// The text must already be one line (see `compose::tidy`). Backslash escapes are used, which
/// CommonMark allows before any ASCII punctuation; they are spent only where a character could
/// start markup, so the file stays readable.
pub fn markdown_inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 16);
    let list_marker = list_marker_end(&chars);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            // Inline markup in CommonMark and pandoc: code, emphasis, links, raw HTML, entities,
            // strike-out/subscript, tables, math, superscript/notes, attributes, headings,
            // smart quotes.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '$' | '^' | '{'
            | '}' | '#' | '"' | '\'' => true,
            // `--` and `---` become dashes under smart punctuation.
            '-' => next == Some('-'),
            // `...` becomes an ellipsis under smart punctuation.
            '.' => dot_run(&chars, i) >= 3,
            // `@key` at the start of a word is a pandoc citation (an e-mail address is not).
            '@' => i == 0 || !chars[i - 1].is_alphanumeric(),
            _ => false,
        } || (i == 0 && c.is_ascii_punctuation())
            || Some(i) == list_marker;
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link's address as a CommonMark link destination that reads back as `href` exactly: a
/// backslash before the characters that could end it or be read as markup or an entity
/// (`\`, `(`, `)`, `<`, `>`, `&`), and `%20` for a space (the reader lets none through).
pub fn markdown_destination(href: &str) -> String {
    let mut out = String::with_capacity(href.len() + 8);
    for c in href.chars() {
        match c {
            '\\' | '(' | ')' | '<' | '>' | '&' | '[' | ']' | '`' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() || c.is_control() => {
                for b in c.to_string().bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Where a line opens with a list marker (`12.`, `3)`, `a.`, `iv)`), the index of its `.` or `)`.
fn list_marker_end(chars: &[char]) -> Option<usize> {
    let run = chars
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if run == 0 {
        return None;
    }
    let word = &chars[..run];
    let numeric = word.iter().all(|c| c.is_ascii_digit());
    let letter = run == 1;
    let roman = word.iter().all(|c| "ivxlcdmIVXLCDM".contains(*c));
    let marker = matches!(chars.get(run), Some('.') | Some(')'));
    let then_space = chars.get(run + 1).is_none_or(|c| c.is_whitespace());
    (marker && then_space && (numeric || letter || roman)).then_some(run)
}

/// Length of the run of `.` that holds position `i`.
fn dot_run(chars: &[char], i: usize) -> usize {
    let before = chars[..i].iter().rev().take_while(|&&c| c == '.').count();
    let after = chars[i..].iter().take_while(|&&c| c == '.').count();
    before + after
}

/// The characters XML 1.0 can hold (`Char`): tab, line feed, carriage return and everything from
/// U+0020 but the surrogates and U+FFFE, U+FFFF. Anything else cannot be in a document at all.
pub fn xml_chars(s: &str) -> String {
    s.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
        .collect()
}

/// An XML attribute value (double- or single-quoted): the characters XML can hold, `&`, `<`, `>`,
/// both quote marks and the white space an attribute would otherwise fold escaped (docx-rs
/// writes attributes as it is given them).
pub fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in xml_chars(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}
