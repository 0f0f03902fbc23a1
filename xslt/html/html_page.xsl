<?xml version="1.0" encoding="UTF-8"?>
<!-- The frame every page of the web edition shares: head, site navigation, footer. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tt="urn:tei-transcripts"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- Nothing on a page may load or run anything from elsewhere, nor inline script. -->
  <xsl:variable name="tt:content-security-policy" as="xs:string"
      select="&quot;default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'&quot;"/>

  <xsl:template name="tt:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="current" as="xs:string"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <xsl:param name="content" as="node()*"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta http-equiv="Content-Security-Policy" content="{$tt:content-security-policy}"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> — <xsl:value-of select="$edition-title"/></title>
        <link rel="stylesheet" href="{$assets}edition.css"/>
        <xsl:for-each select="'edition.js', $scripts">
          <script src="{$assets}{.}" defer=""></script>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <p class="site-title"><a href="{$index-page}"><xsl:value-of select="$edition-title"/></a></p>
          <nav aria-label="Site">
            <ul>
              <xsl:sequence select="tt:nav-item('Records', $index-page, $current),
                                    tt:nav-item('Persons', $persons-page, $current),
                                    tt:nav-item('Search', $search-page, $current)"/>
            </ul>
          </nav>
        </header>
        <main id="main">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site-footer">
          <p>Made from TEI P5 by tei-transcripts.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:function name="tt:nav-item" as="element()">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="current" as="xs:string"/>
    <li>
      <a href="{$href}">
        <xsl:if test="lower-case($label) = $current"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:function>

  <!-- Only links that cannot run anything: http(s), mailto, and relative paths. A target with
       a space or a control character inside is no URL (a browser would drop a tab or a newline
       and could read "java&#9;script:" as a scheme), so it is no link either; nor is one that
       starts with two slashes or backslashes, which names another host (from file://, a
       Windows share). -->
  <xsl:function name="tt:safe-href" as="xs:string?">
    <xsl:param name="target" as="xs:string"/>
    <xsl:variable name="t" select="replace($target, '^\s+|\s+$', '')"/>
    <xsl:sequence select="if ($t and not(matches($t, '[\s\p{Cc}]'))
                              and (matches($t, '^(https?:|mailto:)', 'i')
                                   or not(matches($t, '^[a-zA-Z][a-zA-Z0-9+.\-]*:|^[/\\][/\\]'))))
                          then $t else ()"/>
  </xsl:function>

</xsl:stylesheet>
