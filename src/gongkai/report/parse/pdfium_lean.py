"""PDFium's per-object and per-character calls, without pypdfium2's pointer wrappers.

A report page exported by WPS 文字 holds every character as its own text object: reading it
takes thousands of calls a page, and through pypdfium2's prototypes each call wraps its
arguments and its result in ctypes pointer objects. The same C functions called with plain
addresses (integers) cost about a third less; only the few objects that are kept (a page's
paths) are wrapped again for the other calls.
"""

import ctypes

import pypdfium2.raw as pdfium_c

ADDRESS, INT = ctypes.c_void_p, ctypes.c_int


def _lean(function, restype, *argtypes):
    address = ctypes.cast(function, ADDRESS).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


page_object = _lean(pdfium_c.FPDFPage_GetObject, ADDRESS, ADDRESS, INT)
form_object = _lean(pdfium_c.FPDFFormObj_GetObject, ADDRESS, ADDRESS, ctypes.c_ulong)
object_type = _lean(pdfium_c.FPDFPageObj_GetType, INT, ADDRESS)
loose_char_box = _lean(pdfium_c.FPDFText_GetLooseCharBox, INT, ADDRESS, INT, ADDRESS)


def address_of(handle) -> int:
    """The address behind a pypdfium2 handle (a page, a text page, an object)."""
    return ctypes.cast(handle, ADDRESS).value or 0


def page_object_at(address: int):
    """A page object's address as the pointer type pypdfium2's prototypes expect."""
    return ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT)
