from django.conf import settings
from django.utils import translation


class ChineseFirstLocaleMiddleware:
    """Serve 简体中文 unless the visitor chose another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language header, which makes a
    Chinese government platform appear in English on any English-language browser. Here only an
    explicit choice (the language cookie set by the set_language view) changes the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
