<?xml version="1.0" encoding="UTF-8"?>
<!-- The header panel of a document page: what the teiHeader says about the record. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:teiHeader" mode="tt:panel">
    <xsl:variable name="tei" select="parent::*"/>
    <xsl:variable name="file" select="tei:fileDesc"/>
    <section class="record-header" aria-labelledby="about">
      <h2 id="about">About this record</h2>
      <dl>
        <xsl:if test="tt:date-label($tei)">
          <dt>Date</dt>
          <dd><xsl:apply-templates select="tt:date-element($tei)"/></dd>
        </xsl:if>
        <xsl:if test="tt:meeting-time($tei)">
          <dt>Time</dt>
          <dd><xsl:value-of select="tt:meeting-time($tei)"/></dd>
        </xsl:if>
        <xsl:if test="tt:place($tei)">
          <dt>Place</dt>
          <dd><xsl:value-of select="tt:place($tei)"/></dd>
        </xsl:if>
        <xsl:for-each select="tt:correspondence($tei)">
          <dt><xsl:value-of select="tt:correspondence-label(.)"/></dt>
          <dd>
            <xsl:for-each select="tei:persName">
              <xsl:if test="position() gt 1">, </xsl:if>
              <xsl:apply-templates select="."/>
            </xsl:for-each>
            <xsl:value-of select="tt:correspondence-where-when(.)"/>
          </dd>
        </xsl:for-each>
        <xsl:for-each select="tt:sources($tei)">
          <dt>Source</dt>
          <dd><xsl:value-of select="tt:source-text(.)"/></dd>
        </xsl:for-each>
        <xsl:if test="tt:original-language($tei)">
          <dt>Original language</dt>
          <dd><xsl:value-of select="tt:original-language($tei)"/></dd>
        </xsl:if>
        <xsl:for-each select="$file/tei:sourceDesc/tei:bibl/tei:ref[@target]">
          <dt>Online</dt>
          <dd><xsl:call-template name="tt:link-or-text"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$file/tei:sourceDesc/tei:msDesc/tei:msIdentifier">
          <dt>Archive</dt>
          <dd><xsl:value-of select="tt:archival-reference(.)"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$file/tei:titleStmt/tei:respStmt[not(@xml:id = 'encoder')]">
          <dt><xsl:value-of select="string-join(tei:resp ! normalize-space(), ', ')"/></dt>
          <dd><xsl:value-of select="string-join((tei:name | tei:persName | tei:orgName) ! normalize-space(), ', ')"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$file/tei:publicationStmt/tei:availability/(tei:licence | tei:p)">
          <dt>Licence</dt>
          <dd><xsl:call-template name="tt:link-or-text"/></dd>
        </xsl:for-each>
        <xsl:if test="$tei-href or $pdf-href">
          <dt>Files</dt>
          <dd>
            <xsl:if test="$tei-href"><a href="{$tei-href}">TEI XML</a></xsl:if>
            <xsl:if test="$tei-href and $pdf-href"> · </xsl:if>
            <xsl:if test="$pdf-href"><a href="{$pdf-href}">PDF</a></xsl:if>
          </dd>
        </xsl:if>
      </dl>
      <xsl:apply-templates select="tei:profileDesc/tei:particDesc" mode="tt:panel"/>
    </section>
  </xsl:template>

  <!-- The context element's text, a link to its @target where that is a safe address. -->
  <xsl:template name="tt:link-or-text">
    <xsl:variable name="href" select="if (@target) then tt:safe-href(@target) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($href)"><a href="{$href}"><xsl:value-of select="normalize-space(.)"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "APRF, fond 45, opis 1, delo 348, list 71-82" -->
  <xsl:function name="tt:archival-reference" as="xs:string">
    <xsl:param name="msIdentifier" as="element()"/>
    <xsl:sequence select="string-join((
        ($msIdentifier/tei:repository, $msIdentifier/tei:institution, $msIdentifier/tei:settlement) ! normalize-space(),
        $msIdentifier/tei:idno ! (if (@type) then @type || ' ' || normalize-space() else normalize-space())), ', ')"/>
  </xsl:function>

  <xsl:template match="tei:particDesc" mode="tt:panel">
    <h3>Participants</h3>
    <div class="sides">
      <xsl:for-each-group select="tt:participants(ancestor::*[self::tei:TEI or self::tei:teiCorpus][1])"
          group-by="generate-id(tt:participant-list(.))">
        <xsl:variable name="list" select="tt:participant-list(.)"/>
        <section class="side side-{tt:side(.)}" aria-label="{tt:side-label($list)}">
          <h4><xsl:value-of select="tt:side-label($list)"/></h4>
          <ul>
            <xsl:for-each select="current-group()">
              <xsl:variable name="key" select="tt:person-key('#' || @xml:id, .)"/>
              <li>
                <xsl:choose>
                  <xsl:when test="$key"><a href="{$persons-page}#{$key}"><xsl:value-of select="tt:person-name(.)"/></a></xsl:when>
                  <xsl:otherwise><xsl:value-of select="tt:person-name(.)"/></xsl:otherwise>
                </xsl:choose>
                <xsl:if test="@role">
                  <span class="role"> (<xsl:value-of select="tokenize(normalize-space(@role), ' ')" separator=", "/>)</span>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:for-each-group>
    </div>
  </xsl:template>

</xsl:stylesheet>
