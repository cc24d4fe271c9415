"""Hidden document properties (``docProps/custom.xml``) that match a returned form to its
request: the case reference, the agency, the request identifier and the form's version."""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from rrdesk.domain.agency_forms.word_form_content import FormProperties

CUSTOM_PART = "/docProps/custom.xml"
CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FORMAT_ID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
NAMES = {
    "case_reference": "rrdesk case reference",
    "agency": "rrdesk agency",
    "request_id": "rrdesk request identifier",
    "form_version": "rrdesk form version",
}


def _custom_xml(properties: FormProperties) -> bytes:
    root = etree.Element(f"{{{_CUSTOM}}}Properties", nsmap={None: _CUSTOM, "vt": _VT})
    for number, (field, name) in enumerate(NAMES.items(), start=2):
        item = etree.SubElement(
            root, f"{{{_CUSTOM}}}property", fmtid=_FORMAT_ID, pid=str(number), name=name
        )
        value = etree.SubElement(item, f"{{{_VT}}}lpwstr")
        value.text = getattr(properties, field)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def set_form_properties(document: Document, properties: FormProperties) -> None:
    """Add the form's properties to ``document`` as custom document properties."""
    package = document.part.package
    part = Part(PackURI(CUSTOM_PART), CUSTOM_CONTENT_TYPE, _custom_xml(properties), package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)


def form_properties(document: Document) -> FormProperties | None:
    """The form's properties, or ``None`` for a document without them (not an rrdesk form)."""
    for part in document.part.package.iter_parts():
        if str(part.partname) != CUSTOM_PART:
            continue
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(part.blob, parser)
        found: dict[str, str] = {}
        names = {name: field for field, name in NAMES.items()}
        for item in root.iter(f"{{{_CUSTOM}}}property"):
            field = names.get(item.get("name", ""))
            if field is not None:
                found[field] = "".join(item.itertext()).strip()
        if "form_version" not in found:
            return None
        return FormProperties(**found)
    return None
