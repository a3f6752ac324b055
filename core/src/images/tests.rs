use super::made::{jpeg, jpeg_with_exif, png};
use super::*;
use proptest::prelude::*;

fn refused(bytes: Vec<u8>, file: &str) -> String {
    match check(bytes, file) {
        Err(e @ Error::Image { .. }) => {
            assert_eq!(e.code(), crate::Code::InvalidInput);
            let message = e.to_string();
            assert!(!message.contains('\n'), "one line: {message}");
            message
        }
        other => panic!("{file}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_jpeg_and_a_png_are_accepted_as_they_are() {
    for (bytes, kind, file) in [
        (jpeg(40, 24), ImageKind::Jpeg, "photo.jpg"),
        (png(17, 9), ImageKind::Png, "photo.png"),
    ] {
        let image = check(bytes.clone(), file).unwrap();
        assert_eq!(image.kind, kind);
        assert_eq!(
            (image.width, image.height),
            if kind == ImageKind::Jpeg {
                (40, 24)
            } else {
                (17, 9)
            }
        );
        assert_eq!(
            &image.bytes[..],
            &bytes[..],
            "the original bytes, not re-encoded"
        );
        assert_eq!(image.sha256, sha256_hex(&bytes));
        assert!(is_sha256(&image.sha256));
        assert_eq!(image.alt, "");
    }
    // The kind is the bytes', not the name's.
    assert_eq!(check(png(3, 3), "photo.jpg").unwrap().kind, ImageKind::Png);
}

#[test]
fn sha256_is_the_standard_digest() {
    // FIPS 180-2's example.
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert!(!is_sha256(&sha256_hex(b"abc").to_uppercase()));
    assert!(!is_sha256("abc"));
}

#[test]
fn a_jpeg_turned_by_its_exif_orientation_has_its_sides_swapped() {
    // A big-endian TIFF header and one IFD entry: Orientation (0x0112), SHORT, 6 (turn 90°).
    let exif = b"MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0".to_vec();
    let image = check(jpeg_with_exif(40, 24, Some(exif)), "phone.jpg").unwrap();
    assert_eq!((image.width, image.height), (24, 40));
}

#[test]
fn a_truncated_jpeg_is_refused_as_damaged() {
    let whole = jpeg(64, 64);
    let cut = whole[..whole.len() / 2].to_vec();
    let message = refused(cut, "cut.jpg");
    assert!(
        message.starts_with("cut.jpg: damaged JPEG data ("),
        "{message}"
    );
}

#[test]
fn a_truncated_png_is_refused_as_damaged() {
    let whole = png(64, 64);
    let cut = whole[..whole.len() - 30].to_vec();
    let message = refused(cut, "cut.png");
    assert!(
        message.starts_with("cut.png: damaged PNG data ("),
        "{message}"
    );
}

/// CRC-32 (ISO-HDLC), as PNG chunks carry it.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// `png` with its header's size replaced (its checksum made right, so only the size lies).
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = png(8, 8);
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

#[test]
fn a_png_whose_header_claims_a_huge_picture_is_refused_before_decoding() {
    // A decompression bomb's shape: a few hundred bytes that ask for 108 million pixels.
    let message = refused(png_claiming(12_000, 9_000), "bomb.png");
    assert_eq!(
        message,
        "bomb.png: 12000 × 9000 pixels, more than 50 megapixels"
    );
    let message = refused(png_claiming(100_000, 100_000), "bomb.png");
    assert_eq!(
        message,
        "bomb.png: 100000 × 100000 pixels, more than 50 megapixels"
    );
    let message = refused(png_claiming(20_000, 10), "strip.png");
    assert_eq!(
        message,
        "strip.png: 20000 × 10 pixels, a side longer than 10000"
    );
    // Within the limits, the header lies about data that is not there: damaged.
    let message = refused(png_claiming(4_000, 3_000), "liar.png");
    assert!(
        message.starts_with("liar.png: damaged PNG data ("),
        "{message}"
    );
}

#[test]
fn a_jpeg_whose_header_claims_a_huge_picture_is_refused() {
    let mut bytes = jpeg(16, 16);
    // The frame header (SOF0: FF C0), then length (2), precision (1), height (2), width (2).
    let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    bytes[sof + 5..sof + 7].copy_from_slice(&60_000u16.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&50_000u16.to_be_bytes());
    let message = refused(bytes, "huge.jpg");
    assert_eq!(
        message,
        "huge.jpg: 50000 × 60000 pixels, more than 50 megapixels"
    );
}

#[test]
fn what_is_not_a_jpeg_or_a_png_is_refused_whatever_its_name() {
    let gif = b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;".to_vec();
    assert_eq!(
        refused(gif, "photo.gif"),
        "photo.gif: not a JPEG or PNG image (it reads as GIF)"
    );
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>".to_vec();
    assert_eq!(
        refused(svg, "photo.jpg"),
        "photo.jpg: not a JPEG or PNG image (it reads as SVG)"
    );
    let html = b"\xef\xbb\xbf  <!DOCTYPE html><html><script>alert(1)</script>".to_vec();
    assert_eq!(
        refused(html, "photo.jpg"),
        "photo.jpg: not a JPEG or PNG image (it reads as HTML)"
    );
    assert_eq!(
        refused(b"hello".to_vec(), "notes.png"),
        "notes.png: not a JPEG or PNG image"
    );
    assert_eq!(
        refused(Vec::new(), "empty.jpg"),
        "empty.jpg: an empty file, not an image"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read_as_an_image() {
    let mut big = jpeg(8, 8);
    big.resize(MAX_FILE_BYTES + 1, 0);
    assert_eq!(
        refused(big, "big.jpg"),
        "big.jpg: 20.0 MB, more than the 20 MB a photo may be"
    );
}

fn accepted_or_refused(bytes: Vec<u8>) {
    match check(bytes, "fuzz.bin") {
        Ok(image) => {
            assert!(image.width > 0 && image.height > 0);
            assert!(u64::from(image.width) * u64::from(image.height) <= MAX_PIXELS);
        }
        Err(Error::Image { file, reason }) => {
            assert_eq!(file, "fuzz.bin");
            assert!(!reason.is_empty() && !reason.contains('\n'));
        }
        Err(other) => panic!("another error: {other}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random bytes, alone or behind a JPEG's or a PNG's signature: an answer, never a panic.
    #[test]
    fn random_bytes_never_panic(
        head in prop::sample::select(vec![&b""[..], &[0xFF, 0xD8, 0xFF][..], &b"\x89PNG\r\n\x1a\n"[..]]),
        rest in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        accepted_or_refused([head, &rest[..]].concat());
    }

    /// A real JPEG or PNG with bytes changed or cut: an answer, never a panic.
    #[test]
    fn damaged_images_never_panic(
        png_file in any::<bool>(),
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = if png_file { png(20, 12) } else { jpeg(20, 12) };
        for (at, b) in changes {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let keep = cut.index(bytes.len()) + 1;
        bytes.truncate(keep.max(bytes.len() / 2));
        accepted_or_refused(bytes);
    }
}
