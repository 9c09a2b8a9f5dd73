"""Writes the example workbooks: two real councils' privacy notices, as a DPO would fill the ICO
controller template from them (python3 with openpyxl 3.1). Run from the repository:
python3 examples/data/sheets/make.py. The workbooks are committed; rerun this only to change them.

Sources (read 2026-12-06; the notices say what each cell holds, the wording is the DPO's):
- bathnes-information-requests.xlsx: Bath & North East Somerset Council, "Data Protection,
  Freedom of Information and Environmental Information Regulation Privacy Notice",
  https://beta.bathnes.gov.uk/council-privacy-notices/data-protection-freedom-information-and-environmental-information
- lincolnshire-information-management.xlsx: Lincolnshire County Council, "Information management
  privacy notice", https://www.lincolnshire.gov.uk/directory-record/62069/information-management
  (a sheet with reworded headings, as many councils keep it).
"""
import datetime
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2026, 12, 6, 9, 0, 0)


def workbook():
    wb = Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "ropa examples"
    return wb


def write_rows(ws, first_row, headings, rows):
    for c, heading in enumerate(headings):
        cell = ws.cell(row=first_row, column=c + 1, value=heading)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    for r, values in enumerate(rows):
        for c, heading in enumerate(headings):
            value = values.get(heading)
            if value:
                cell = ws.cell(row=first_row + 1 + r, column=c + 1, value=value)
                cell.alignment = Alignment(wrap_text=True)


def bathnes():
    wb = workbook()
    ws = wb.active
    ws.title = "Template"
    ws["B1"] = "Name"; ws["C1"] = "Address"; ws["D1"] = "Email"; ws["E1"] = "Telephone"
    ws["A2"] = "Controller"; ws["B2"] = "Bath & North East Somerset Council"
    ws["C2"] = "Lewis House, Manvers Street, Bath BA1 1JG"
    ws["A3"] = "Data Protection Officer"; ws["B3"] = "Information Governance"
    ws["A4"] = "Representative"; ws["B4"] = "N/A"
    headings = [
        "Business function", "Purpose of processing", "Categories of individuals",
        "Categories of personal data", "Categories of recipients",
        "Names of third countries or international organisations that personal data are transferred to (if applicable)",
        "Retention schedule (if possible)",
        "Article 6 lawful basis for processing personal data",
        "Article 9 condition for processing special category data",
        "Existence of automated decision-making, including profiling (if applicable)",
        "The source of the personal data (if applicable)",
        "Data Protection Act 2018 Schedule 1 Condition for processing",
        "Legislation",
    ]
    rows = [{
        "Business function": "Information Governance",
        "Purpose of processing": "Responding to DP, FOI and EIR requests and enquiries\nResponding to the ICO or the LGO about a request",
        "Categories of individuals": "Anyone who contacts us for DP, FOI or EIR purposes",
        "Categories of personal data": "Name; DOB; Address; Contact details\nProof of identity (disposed of once verified)\nSpecial category data (may be in our response)",
        "Categories of recipients": "Other council departments\nOther local authorities (where you name them)\nICO; LGO",
        "Names of third countries or international organisations that personal data are transferred to (if applicable)": "N/A",
        "Retention schedule (if possible)": "TBC",
        "Article 6 lawful basis for processing personal data": "Article 6.1 c - legal obligation",
        "Article 9 condition for processing special category data": "Article 9.2 g - Substantial public interest",
        "Existence of automated decision-making, including profiling (if applicable)": "Not applicable",
        "The source of the personal data (if applicable)": "Directly from you\nOther council departments",
        "Data Protection Act 2018 Schedule 1 Condition for processing": "Sch 1 para 6 (statutory purposes)",
        "Legislation": "UK GDPR Arts 12-23; DPA 2018; FOI Act 2000; EIR 2004",
    }]
    write_rows(ws, 9, headings, rows)
    wb.save(os.path.join(HERE, "bathnes-information-requests.xlsx"))


def lincolnshire():
    wb = workbook()
    ws = wb.active
    ws.title = "Information management"
    ws["A1"] = "Organisation name"; ws["B1"] = "Lincolnshire County Council"
    ws["A2"] = "DPO email"; ws["B2"] = "dataprotection@lincolnshire.gov.uk"
    headings = [
        "Service area", "Purpose", "Data subjects", "Types of data", "Special category data",
        "Lawful basis (Art 6)", "Art 9 condition", "Source", "Who we share it with",
        "How long we keep it", "Profiling?",
    ]
    rows = [{
        "Service area": "Information Management",
        "Purpose": "• Responding to FOI Act 2000 and EIR 2004 requests\n• Responding to data subject rights requests\n• Responding to requests for personal data from other organisations\n• Responding to investigations by regulators such as the ICO\n• Deciding the historical value of information for archiving",
        "Data subjects": "Requesters; data subjects; people named in information held",
        "Types of data": "Name, address, date of birth and other contact information\nIdentification documents\nUnique identification numbers\nImages",
        "Special category data": "Race or ethnic origin\nPolitical views and affiliations\nTrade union membership\nPhysical or mental health\nSex life and sexual orientation",
        "Lawful basis (Art 6)": "Legal obligation\nPublic task",
        "Art 9 condition": "Substantial public interest",
        "Source": "Provided directly by you\nRegulators such as the ICO and the LGSCO\nOther organisations seeking access to information",
        "Who we share it with": "The general public (where publishing is required by law)\nHealthcare, social and welfare organisations\nLocal and central government\nDebt collection and tracing agencies",
        "How long we keep it": "See corporate retention schedule",
        "Profiling?": "No",
    }]
    write_rows(ws, 4, headings, rows)
    wb.save(os.path.join(HERE, "lincolnshire-information-management.xlsx"))


if __name__ == "__main__":
    bathnes()
    lincolnshire()
