<?xml version="1.0" encoding="UTF-8"?>
<!-- Speech turns: each sp is one block, its speaker linked to their person page and marked by
     side, its paragraphs inside it, a permalink on every turn. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:sp">
    <xsl:variable name="sp" select="."/>
    <xsl:variable name="id" select="tt:turn-id(.)"/>
    <xsl:variable name="speakers" select="tt:who(.) ! tt:local-person(., current())"/>
    <xsl:variable name="keys" select="tt:who(.) ! tt:person-key(., current())"/>
    <xsl:variable name="side" select="if (exists($speakers)) then tt:side($speakers[1]) else 'unknown'"/>
    <div class="sp side-{$side}" id="{$id}" data-who="{string-join($keys[.], ' ')}">
      <xsl:choose>
        <xsl:when test="tei:speaker">
          <xsl:apply-templates select="tei:speaker"/>
        </xsl:when>
        <xsl:otherwise>
          <!-- Reported speech: the turn names no speaker in the text; say whose it is. -->
          <p class="speaker implied">
            <xsl:for-each select="tt:who(.)">
              <xsl:variable name="person" select="tt:local-person(., $sp)"/>
              <xsl:sequence select="tt:person-link(tt:person-key(., $sp), if ($person) then tt:person-name($person) else .)"/>
              <xsl:if test="position() ne last()">, </xsl:if>
            </xsl:for-each>
            <xsl:if test="not(@who)">Unattributed</xsl:if>
          </p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$side ne 'unknown'">
        <span class="side-tag"><xsl:value-of select="upper-case(substring($side, 1, 1)) || substring($side, 2)"/></span>
      </xsl:if>
      <div class="speech">
        <xsl:apply-templates select="node() except tei:speaker"/>
      </div>
      <a class="permalink" href="{$page-file}#{$id}" aria-label="Permalink to this turn">¶</a>
    </div>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <xsl:variable name="keys" select="tt:who(..) ! tt:person-key(., current())"/>
    <!-- A footnote's marker in the label ("Stalin:1") is a button with its popover: never
      inside the link to the person, so the link ends before it. -->
    <xsl:variable name="marker" select="(tei:ref[exists(tt:referenced-note(.)[tt:is-footnote(.)])])[1]"/>
    <!-- Nor is the mark of a page of the original that the label opens with ("[l. 11] Mao:"). -->
    <xsl:variable name="pages" select="tt:leading-page-marks(.)"/>
    <p class="speaker">
      <xsl:for-each select="$pages">
        <xsl:apply-templates select="."/>
        <xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="count($keys[.]) = 1">
          <a href="{$persons-page}#{$keys[.]}"><xsl:apply-templates select="node()[empty($marker) or . &lt;&lt; $marker] except $pages"/></a>
          <xsl:apply-templates select="$marker, node()[. &gt;&gt; $marker]"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="node() except $pages"/></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="text()[tt:after-page-marks(.) or tt:before-label-marker(.)]">
    <xsl:value-of select="tt:label-words(.)"/>
  </xsl:template>

  <xsl:function name="tt:person-link" as="node()">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$key"><a href="{$persons-page}#{$key}"><xsl:value-of select="$label"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
