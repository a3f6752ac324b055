//! Photos' images: what the archive accepts, checked before a byte is stored.
//!
//! A JPEG or a PNG, known by its first bytes (never by the file's name); at most
//! `MAX_FILE_BYTES`; its size read from its header and refused over `MAX_SIDE` a side or
//! `MAX_PIXELS` in all *before* anything is decoded (a file of a few kilobytes can claim a
//! picture of gigabytes); then decoded whole, within the same limits, to prove it is not damaged.
//! The archive keeps the original bytes, named by their SHA-256: nothing is re-encoded.
//!
//! Decoders: the `image` crate's PNG (the `png` crate) and JPEG (`zune-jpeg`), no other format
//! compiled in, and each file decoded as the format its bytes say, so a file cannot pick another
//! decoder. A JPEG's pixels are decoded by `zune-jpeg` itself in its strict mode (the `image`
//! crate reads its header and orientation): the `image` crate runs it leniently, which makes a
//! JPEG cut short a picture with a grey end instead of an error.

use std::io::Cursor;
use std::sync::Arc;

use ::image::{ImageDecoder, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};

use crate::compose::{Image, ImageKind};
use crate::error::{Error, Result};

/// The largest file accepted: 20 MB (a camera's full-size JPEG is 5–15 MB).
pub const MAX_FILE_BYTES: usize = 20_000_000;
/// The most pixels accepted: 50 megapixels (a 45-megapixel camera's frame).
pub const MAX_PIXELS: u64 = 50_000_000;
/// The longest side accepted, in pixels.
pub const MAX_SIDE: u32 = 10_000;
/// What a decoder may allocate: a 50-megapixel picture at 16 bits a channel, RGBA.
const MAX_ALLOC: u64 = MAX_PIXELS * 8;

/// `bytes` checked as a photo's image (`file`: the name its errors give): the original bytes,
/// their SHA-256, kind and size as a reader sees it (a JPEG turned by its EXIF orientation has
/// its sides swapped). `alt` is empty: it belongs to the photo, not to the image.
pub fn check(bytes: Vec<u8>, file: &str) -> Result<Image> {
    let refuse = |reason: String| Error::Image {
        file: file.to_owned(),
        reason,
    };
    if bytes.is_empty() {
        return Err(refuse("an empty file, not an image".into()));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(refuse(format!(
            "{} MB, more than the {} MB a photo may be",
            megabytes(bytes.len()),
            MAX_FILE_BYTES / 1_000_000
        )));
    }
    let kind = sniff(&bytes).map_err(|other| {
        refuse(match other {
            Some(what) => format!("not a JPEG or PNG image (it reads as {what})"),
            None => "not a JPEG or PNG image".into(),
        })
    })?;
    let name = match kind {
        ImageKind::Jpeg => "JPEG",
        ImageKind::Png => "PNG",
    };
    let damaged = |e: &dyn std::fmt::Display| {
        refuse(format!(
            "damaged {name} data ({})",
            one_line(&e.to_string())
        ))
    };
    let format = match kind {
        ImageKind::Jpeg => ImageFormat::Jpeg,
        ImageKind::Png => ImageFormat::Png,
    };
    let (width, height, orientation) = {
        let mut reader = ImageReader::with_format(Cursor::new(&bytes[..]), format);
        reader.limits(limits());
        let mut decoder = reader.into_decoder().map_err(|e| match e {
            ::image::ImageError::Limits(_) => too_large(&bytes, kind, file),
            e => damaged(&e),
        })?;
        let (width, height) = decoder.dimensions();
        check_size(width, height).map_err(refuse)?;
        let orientation = decoder.orientation().map_err(|e| damaged(&e))?;
        match kind {
            ImageKind::Jpeg => strict_jpeg(&bytes).map_err(|e| damaged(&e))?,
            ImageKind::Png => {
                let size = usize::try_from(decoder.total_bytes()).unwrap_or(usize::MAX);
                let mut pixels = vec![0u8; size];
                decoder.read_image(&mut pixels).map_err(|e| damaged(&e))?;
            }
        }
        (width, height, orientation)
    };
    use ::image::metadata::Orientation as O;
    let (width, height) = match orientation {
        O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH => (height, width),
        _ => (width, height),
    };
    Ok(Image {
        sha256: sha256_hex(&bytes),
        kind,
        width,
        height,
        alt: String::new(),
        bytes: Arc::from(bytes),
    })
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// A decoder refused the header's size: say what the header claims when it can be read.
fn too_large(bytes: &[u8], kind: ImageKind, file: &str) -> Error {
    let format = match kind {
        ImageKind::Jpeg => ImageFormat::Jpeg,
        ImageKind::Png => ImageFormat::Png,
    };
    let reason = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .ok()
        .and_then(|(w, h)| check_size(w, h).err())
        .unwrap_or_else(|| {
            format!("more than a decoder may hold for a photo ({MAX_PIXELS} pixels at most)")
        });
    Error::Image {
        file: file.to_owned(),
        reason,
    }
}

/// The header's size against the limits, as the user reads it.
fn check_size(width: u32, height: u32) -> std::result::Result<(), String> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels == 0 {
        return Err(format!("{width} × {height} pixels: an image of nothing"));
    }
    if pixels > MAX_PIXELS {
        return Err(format!(
            "{width} × {height} pixels, more than {} megapixels",
            MAX_PIXELS / 1_000_000
        ));
    }
    if width.max(height) > MAX_SIDE {
        return Err(format!(
            "{width} × {height} pixels, a side longer than {MAX_SIDE}"
        ));
    }
    Ok(())
}

/// A full JPEG decode that refuses what the lenient one fills in (a file cut short, a scan
/// without its data).
fn strict_jpeg(bytes: &[u8]) -> std::result::Result<(), String> {
    use zune_jpeg::zune_core::bytestream::ZCursor;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let options = DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(MAX_SIDE as usize)
        .set_max_height(MAX_SIDE as usize);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder.decode().map(drop).map_err(|e| e.to_string())
}

/// The kind `bytes` begin as, or what else they read as (`Err(Some("GIF"))`) when known.
fn sniff(bytes: &[u8]) -> std::result::Result<ImageKind, Option<&'static str>> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageKind::Jpeg);
    }
    if bytes.starts_with(PNG) {
        return Ok(ImageKind::Png);
    }
    let head = &bytes[..bytes.len().min(512)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    Err(if head.starts_with(b"GIF8") {
        Some("GIF")
    } else if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        Some("WebP")
    } else if head.get(4..8) == Some(b"ftyp") {
        Some("HEIF/AVIF or MP4")
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        Some("TIFF")
    } else if head.starts_with(b"BM") {
        Some("BMP")
    } else if head.starts_with(b"%PDF") {
        Some("PDF")
    } else if text.contains("<svg") {
        Some("SVG")
    } else if text.starts_with("<!doctype html") || text.starts_with("<html") {
        Some("HTML")
    } else if text.starts_with('<') {
        Some("XML or HTML text")
    } else {
        None
    })
}

/// A decoder's words on one line, at most 160 characters of them.
fn one_line(s: &str) -> String {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let line = words.join(" ");
    match line.char_indices().nth(160) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

/// `n` bytes in megabytes, one decimal.
fn megabytes(n: usize) -> String {
    format!("{:.1}", n as f64 / 1_000_000.0)
}

/// The lower-case hex SHA-256 of `bytes`: an image's name in the archive.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Whether `s` is an image's name: 64 lower-case hex digits.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Real images made by the `image` crate's encoders, for tests (of core, the CLI, the app).
#[doc(hidden)]
pub mod made {
    use ::image::{ExtendedColorType, ImageEncoder};

    /// A real JPEG of `w` × `h` (a gradient), by the `image` crate's own encoder.
    pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
        jpeg_with_exif(w, h, None)
    }

    pub fn jpeg_with_exif(w: u32, h: u32, exif: Option<Vec<u8>>) -> Vec<u8> {
        let pixels: Vec<u8> = (0..w * h)
            .flat_map(|i| [(i % 251) as u8, (i / 7 % 256) as u8, 90])
            .collect();
        let mut out = Vec::new();
        let mut enc = ::image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80);
        if let Some(exif) = exif {
            enc.set_exif_metadata(exif).expect("JPEG takes EXIF");
        }
        enc.write_image(&pixels, w, h, ExtendedColorType::Rgb8)
            .expect("encoded");
        out
    }

    /// A real PNG of `w` × `h` (RGBA).
    pub fn png(w: u32, h: u32) -> Vec<u8> {
        let pixels: Vec<u8> = (0..w * h)
            .flat_map(|i| [(i % 256) as u8, 30, 200, 255])
            .collect();
        let mut out = Vec::new();
        ::image::codecs::png::PngEncoder::new(&mut out)
            .write_image(&pixels, w, h, ExtendedColorType::Rgba8)
            .expect("encoded");
        out
    }
}

#[cfg(test)]
mod tests;
