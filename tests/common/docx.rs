//! A well-formed WordprocessingML package, as Word opens it without
//! "compatibility mode": every part well-formed XML, every element's
//! children in the order of its schema sequence (ECMA-376 Part 1,
//! transitional), every part typed and every relationship's target present.
//! Used by the notice and the review tests on every .docx danvan writes;
//! with [`soffice_to_pdf`] and [`pdf_pages`] to read what LibreOffice makes
//! of it, page by page.

use std::path::{Path, PathBuf};

use std::io::Read;

/// One part of a .docx, as text.
pub fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// An element of a part: its name and its children, in order.
#[derive(Debug)]
pub struct Element {
    pub name: String,
    pub children: Vec<Element>,
}

/// Parses the XML danvan writes (no comments, CDATA or DTD) into its tree,
/// failing on any tag that is not closed in order: well-formed, or a panic.
pub fn parse_xml(xml: &str) -> Element {
    let mut stack: Vec<Element> = vec![Element {
        name: "#document".into(),
        children: Vec::new(),
    }];
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').expect("a tag is closed") + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if tag.starts_with('?') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let done = stack.pop().expect("an open element");
            assert_eq!(done.name, name.trim(), "tags close in order");
            stack.last_mut().expect("a parent").children.push(done);
            continue;
        }
        let empty = tag.ends_with('/');
        let name = tag.trim_end_matches('/').split_whitespace().next().unwrap().to_owned();
        let element = Element {
            name,
            children: Vec::new(),
        };
        if empty {
            stack.last_mut().unwrap().children.push(element);
        } else {
            stack.push(element);
        }
    }
    assert_eq!(
        stack.len(),
        1,
        "every element is closed: {:?}",
        stack.last().map(|e| &e.name)
    );
    let mut root = stack.pop().unwrap();
    assert_eq!(root.children.len(), 1, "one root element");
    root.children.pop().unwrap()
}

/// The children an element of WordprocessingML may hold, in the order of
/// its schema sequence (ECMA-376 Part 1, transitional: CT_PPr, CT_RPr,
/// CT_TblPr, CT_SectPr, …), as far as danvan writes them.
const SCHEMA_ORDER: &[(&str, &[&str])] = &[
    ("w:document", &["w:body"]),
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        ],
    ),
    (
        "w:pBdr",
        &["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"],
    ),
    ("w:p", &["w:pPr", "w:r", "w:fldSimple", "w:hyperlink"]),
    ("w:r", &["w:rPr", "w:t", "w:fldChar", "w:instrText", "w:br", "w:tab"]),
    ("w:tbl", &["w:tblPr", "w:tblGrid", "w:tr"]),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
        ],
    ),
    (
        "w:tblBorders",
        &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
        ],
    ),
    (
        "w:tblCellMar",
        &["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"],
    ),
    ("w:tblGrid", &["w:gridCol"]),
    ("w:tr", &["w:tblPrEx", "w:trPr", "w:tc"]),
    // CT_TrPrBase is a choice: any order, so only the members are checked.
    ("w:tc", &["w:tcPr", "w:p", "w:tbl"]),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
        ],
    ),
    ("w:hdr", &["w:p", "w:tbl"]),
    ("w:styles", &["w:docDefaults", "w:latentStyles", "w:style"]),
    ("w:docDefaults", &["w:rPrDefault", "w:pPrDefault"]),
    ("w:rPrDefault", &["w:rPr"]),
    ("w:pPrDefault", &["w:pPr"]),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "w:smartTagType",
            "sl:schemaLibrary",
            "w:shapeDefaults",
            "w:doNotEmbedSmartTags",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
    ),
    ("w:compat", &["w:compatSetting"]),
];

/// Checks every element of the tree whose parent the table lists: its
/// children are ones the schema allows there, in the schema's order; the
/// body ends with its sectPr; a table cell holds a paragraph.
pub fn check_schema_order(e: &Element, part: &str) {
    if let Some((_, order)) = SCHEMA_ORDER.iter().find(|(name, _)| *name == e.name) {
        let choice = e.name == "w:trPr";
        let mut last = 0;
        for child in &e.children {
            let at = order
                .iter()
                .position(|n| *n == child.name)
                .unwrap_or_else(|| panic!("{part}: <{}> may not hold <{}>", e.name, child.name));
            assert!(
                choice || at >= last,
                "{part}: in <{}>, <{}> comes after <{}>, against the schema's order",
                e.name,
                child.name,
                order[last]
            );
            last = at;
        }
    }
    match e.name.as_str() {
        "w:body" => {
            assert_eq!(e.children.last().map(|c| c.name.as_str()), Some("w:sectPr"), "{part}");
            for c in &e.children[..e.children.len() - 1] {
                assert!(
                    c.name == "w:p" || c.name == "w:tbl",
                    "{part}: <w:body> holds <{}>",
                    c.name
                );
            }
        }
        "w:trPr" => {
            for c in &e.children {
                assert!(
                    ["w:cantSplit", "w:tblHeader", "w:trHeight", "w:jc"].contains(&c.name.as_str()),
                    "{part}: <{}>",
                    c.name
                );
            }
        }
        "w:tc" => assert!(
            e.children.iter().any(|c| c.name == "w:p"),
            "{part}: a cell needs a paragraph"
        ),
        "w:tbl" => assert!(
            e.children.first().is_some_and(|c| c.name == "w:tblPr"),
            "{part}: a table starts with tblPr"
        ),
        _ => {}
    }
    for child in &e.children {
        check_schema_order(child, part);
    }
}

/// Every part of the .docx, checked: well-formed XML, elements in schema
/// order, every part typed in [Content_Types].xml and every relationship's
/// target present.
pub fn check_package(bytes: &[u8]) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/header1.xml",
        "word/header2.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} missing from {names:?}");
    }
    let types = part(bytes, "[Content_Types].xml");
    for name in &names {
        let mut text = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        let root = parse_xml(&text);
        check_schema_order(&root, name);
        if !name.ends_with(".rels") && name != "[Content_Types].xml" {
            assert!(
                types.contains(&format!("PartName=\"/{name}\"")),
                "{name} has no content type"
            );
        }
    }
    for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
        let text = part(bytes, rels);
        for target in text.split("Target=\"").skip(1).map(|t| t.split('"').next().unwrap()) {
            let path = format!("{base}{target}");
            assert!(
                names.contains(&path),
                "{rels} points at {path}, which is not in the package"
            );
        }
    }
}

/// The pages of a PDF as text (pdftotext), whitespace flattened.
pub fn pdf_pages(pdftotext: &Path, pdf: &Path) -> Vec<String> {
    let out = std::process::Command::new(pdftotext)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// `soffice --convert-to pdf` of every file into `out`, in one run.
pub fn soffice_to_pdf(soffice: &Path, files: &[PathBuf], out: &Path, profile: &Path) {
    let profile = format!("-env:UserInstallation=file://{}", profile.display());
    let status = std::process::Command::new(soffice)
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}
