<?xml version="1.0" encoding="UTF-8"?>
<!-- The web edition's document page: one TEI document in, one HTML page out. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="html_param.xsl"/>
  <xsl:include href="html_page.xsl"/>
  <xsl:include href="html_header.xsl"/>
  <xsl:include href="html_core.xsl"/>
  <xsl:include href="html_drama.xsl"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="tt:page"/>
  </xsl:template>

  <!-- A TEI document, or a teiCorpus with every text of its documents in turn. -->
  <xsl:template match="tei:TEI | tei:teiCorpus" mode="tt:page">
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="(tt:title(.)[.], 'Untitled document')[1]"/>
      <xsl:with-param name="current" select="'document'"/>
      <xsl:with-param name="content">
        <article class="record" lang="{(tei:text/@xml:lang, @xml:lang, 'en')[1]}">
          <h1><xsl:value-of select="(tt:title(.)[.], 'Untitled document')[1]"/></h1>
          <xsl:apply-templates select="tei:teiHeader" mode="tt:panel"/>
          <div class="controls">
            <label><input type="checkbox" id="show-insertions" checked=""/> Show editorial insertions</label>
          </div>
          <xsl:for-each select=".//tei:text[not(ancestor::tei:text)]">
            <xsl:apply-templates select=".">
              <xsl:with-param name="footnotes" select="tt:footnotes(.)" tunnel="yes"/>
              <xsl:with-param name="suffix" select="('-' || position())[position() gt 1]" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:for-each>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:text">
    <xsl:param name="suffix" as="xs:string?" tunnel="yes"/>
    <section class="text" aria-labelledby="text-heading{$suffix}">
      <h2 id="text-heading{$suffix}">
        <xsl:value-of select="if ($suffix) then (tt:title(ancestor::tei:TEI[1])[.], 'Text')[1] else 'Record'"/>
      </h2>
      <xsl:apply-templates/>
      <xsl:call-template name="tt:footnote-list"/>
    </section>
  </xsl:template>

</xsl:stylesheet>
