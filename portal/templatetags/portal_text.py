from django import template

from portal import markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ post.body|markdown }}: user Markdown, sanitised."""
    return markdown.render(text)
