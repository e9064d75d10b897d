"""Submit a form as the browser would: the fields the page itself carries (hidden ones included,
each as many times as the page repeats it), the person's own entries, and the button pressed."""

from html.parser import HTMLParser


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []  # {"fields": [(name, value)], "buttons": [(name, value)]}
        self._form = None
        self._textarea = None
        self._select = None  # [name, value, a selected option seen]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"fields": [], "buttons": []}
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            if "selected" in attrs or (self._select[1] is None):
                self._select[1] = attrs.get("value", "")
        elif self._form is None or "disabled" in attrs or not attrs.get("name"):
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            target = self._form["buttons"] if kind == "submit" else self._form["fields"]
            target.append((attrs["name"], attrs.get("value", "")))
            if kind == "hidden":
                self._form.setdefault("hidden", []).append((attrs["name"], attrs.get("value", "")))
        elif tag == "button":
            self._form["buttons"].append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
            self._form["fields"].append(self._textarea)
        elif tag == "select":
            self._select = [attrs["name"], None]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None:
            if self._form is not None and self._select[1] is not None:
                self._form["fields"].append(tuple(self._select))
            self._select = None


def form_data(html: str, button: tuple[str, str], **entries) -> dict[str, list[str]]:
    """What the form holding `button` (name, value) sends when it is pressed, with `entries`
    typed into its fields (replacing what the page put there)."""
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        if button in form["buttons"]:
            data: dict[str, list[str]] = {}
            for name, value in form["fields"]:
                data.setdefault(name, []).append(value)
            for name, value in entries.items():
                data[name] = [str(value)]
            data[button[0]] = [button[1]]
            return data
    raise AssertionError(f"No form on the page has the button {button}")


def submit(client, address: str, button: tuple[str, str], **entries):
    """Open the page, fill in its form and press the button."""
    page = client.get(address)
    assert page.status_code == 200, page.status_code
    return client.post(address, form_data(page.content.decode(), button, **entries))


def contradicting_hidden_fields(html: str) -> list[str]:
    """Names a form carries in several hidden inputs, one of them empty: the server reads one
    value (a `version` sent twice, the second empty, made a form always fail). A list of values
    (the posts of a ranking) is not a contradiction."""
    parser = _Forms()
    parser.feed(html)
    found = []
    for form in parser.forms:
        values: dict[str, set[str]] = {}
        for name, value in form.get("hidden", []):
            values.setdefault(name, set()).add(value)
        found.extend(name for name, seen in values.items() if len(seen) > 1 and "" in seen)
    return found
