<?xml version="1.0" encoding="UTF-8"?>
<!-- The print edition of one document: TEI in, Typst source out (xslt/print/edition.typ sets
     the pages). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="print_param.xsl"/>
  <xsl:include href="print_core.xsl"/>
  <xsl:include href="print_drama.xsl"/>
  <xsl:include href="print_header.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="*"/>
    <xsl:text>#import </xsl:text>
    <xsl:value-of select="tt:str($template)"/>
    <xsl:text>: *&#10;#show: edition.with(title: </xsl:text>
    <xsl:value-of select="tt:str((tt:title($tei)[.], 'Untitled document')[1])"/>
    <xsl:text>)&#10;</xsl:text>
    <xsl:apply-templates select="$tei" mode="tt:record"/>
  </xsl:template>

  <!-- One record: its opening, its text, the notes nothing points to. -->
  <xsl:template match="tei:TEI | tei:teiCorpus" mode="tt:record">
    <xsl:param name="first" as="xs:boolean" select="true()"/>
    <xsl:apply-templates select="." mode="tt:record-start">
      <xsl:with-param name="first" select="$first"/>
    </xsl:apply-templates>
    <xsl:for-each select=".//tei:text[not(ancestor::tei:text)]">
      <xsl:apply-templates select=".">
        <xsl:with-param name="footnotes" select="tt:footnotes(.)" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>

  <!-- A text in another language than the edition's English is set in it (hyphenation,
       quotation marks), and the language set back after it. -->
  <xsl:template match="tei:text">
    <xsl:variable name="lang" select="@xml:lang[. != 'en']"/>
    <xsl:if test="$lang">
      <xsl:text>&#10;#set text(lang: </xsl:text>
      <xsl:value-of select="tt:str(substring-before($lang || '-', '-'))"/>
      <xsl:text>)&#10;</xsl:text>
    </xsl:if>
    <xsl:apply-templates/>
    <xsl:call-template name="tt:unreferenced-notes"/>
    <xsl:if test="$lang">
      <xsl:text>&#10;#set text(lang: "en")&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
