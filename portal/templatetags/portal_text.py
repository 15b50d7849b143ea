from django import template

from lib import markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ post.body|markdown }}: user Markdown, sanitised."""
    return markdown.render(text)
