<?xml version="1.0" encoding="UTF-8"?>
<!-- The print edition's volume: title page, contents, every record, the index of persons.
     Input: a tt:corpus of the documents themselves (tt:doc) and the personography. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    exclude-result-prefixes="#all">

  <xsl:import href="typst.xsl"/>
  <xsl:include href="../common/corpus.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="dates" select="sort($docs ! tt:iso-date(*)[.])"/>
    <xsl:text>#import </xsl:text>
    <xsl:value-of select="tt:str($template)"/>
    <xsl:text>: *&#10;#show: edition.with(title: </xsl:text>
    <xsl:value-of select="tt:str($edition-title)"/>
    <xsl:text>)&#10;#title-page(title: </xsl:text>
    <xsl:value-of select="tt:str($edition-title)"/>
    <xsl:text>, subtitle: </xsl:text>
    <xsl:value-of select="tt:str(count($docs) || ' records of conversation' ||
        (', ' || $dates[1] || ' to ' || $dates[last()])[exists($dates)])"/>
    <xsl:text>)&#10;</xsl:text>
    <xsl:for-each select="$docs">
      <xsl:apply-templates select="*" mode="tt:record">
        <xsl:with-param name="first" select="false()"/>
      </xsl:apply-templates>
    </xsl:for-each>
    <xsl:text>&#10;#record(title: "Index of persons", first: false)&#10;#person-index((</xsl:text>
    <xsl:for-each select="$persons-in-corpus">
      <xsl:value-of select="'(' || tt:str(.) || ', ' || tt:str(tt:display-name(.)) || '), '"/>
    </xsl:for-each>
    <xsl:text>))&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
